/** A real SMTP server on 127.0.0.1 for tests: it parses every message it accepts and keeps it. */
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * Starts the server. `refuse` answers whether to refuse the next message with a temporary error; `delayMs` holds
 * each acknowledgement back, so that a sender can be killed mid-batch.
 */
export async function startTestSmtpServer(
  options: { refuse?: () => boolean; delayMs?: number } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      if (options.refuse?.()) {
        stream.resume();
        stream.on("end", () => callback(new Error("451 try again later")));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const accept = () => {
            received.push({
              messageId: mail.messageId ?? "",
              to: Array.isArray(mail.to) ? (mail.to[0]?.text ?? "") : (mail.to?.text ?? ""),
              subject: mail.subject ?? "",
              text: mail.text ?? "",
            });
            callback();
          };
          if (options.delayMs) setTimeout(accept, options.delayMs);
          else accept();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as { port: number }).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
