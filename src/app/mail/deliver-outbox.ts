/**
 * Sends what waits in the outbox. At least once: an email is marked sent only after the SMTP server took it, so a
 * crash in between sends it again, with the same Message-ID, so that the resend is recognisable.
 */
import {
  leasePendingEmails,
  markEmailAttemptFailed,
  markEmailSent,
  type OutboxEmail,
} from "../../db/repositories/outbox.repository";
import type { AppContext } from "../context";

/** Sends one email through SMTP (nodemailer in production, a test server in tests). */
export type SendEmail = (email: OutboxEmail) => Promise<void>;

const leaseSeconds = 60;
const maxAttempts = 8;

/** Delivers pending emails in batches until none is left; returns how many were sent. */
export async function deliverOutbox(
  context: Pick<AppContext, "db" | "now" | "logger">,
  send: SendEmail,
  batchSize = 20,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const now = context.now();
    const batch = await leasePendingEmails(context.db, batchSize, now, new Date(now.getTime() + leaseSeconds * 1000));
    if (batch.length === 0) return sent;
    for (const email of batch) {
      try {
        await send(email);
        await markEmailSent(context.db, email.id, context.now());
        sent += 1;
      } catch (error) {
        context.logger.warn({ err: error, emailId: email.id }, "email delivery failed");
        // Back off: 30 s, 1 min, 2 min … so that a refusing server is not hammered.
        const retryAt = new Date(context.now().getTime() + 30_000 * 2 ** email.attempts);
        await markEmailAttemptFailed(
          context.db,
          email.id,
          String((error as Error).message ?? error),
          maxAttempts,
          retryAt,
        );
      }
    }
  }
}
