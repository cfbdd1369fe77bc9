/** The SMTP side of the outbox: nodemailer over SMTP_URL, keeping each email's stable Message-ID. */
import nodemailer from "nodemailer";
import type { SendEmail } from "../app/mail/deliver-outbox";

export function createSmtpSender(smtpUrl: string, from: string): { send: SendEmail; close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
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
