/** The SMTP side of the outbox: nodemailer over SMTP_URL, keeping each email's stable Message-ID. */
import nodemailer from "nodemailer";
import type { SendEmail } from "../app/mail/deliver-outbox";

export function createSmtpSender(smtpUrl: string, from: string): { send: SendEmail; close(): void } {
  // nodemailer waits up to 10 minutes on a silent socket by default: far past the outbox's 60-second lease, after
  // which another sender may take the same email. Bounded here, an email is resent at most once per stuck attempt.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (email) => {
      await transport.sendMail({
        from,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        ...(email.htmlBody ? { html: email.htmlBody } : {}),
        messageId: email.messageId,
      });
    },
    close: () => transport.close(),
  };
}
