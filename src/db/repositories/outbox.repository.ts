/** The email outbox: every email is written here first and sent later by the outbox job. */
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { emailOutbox } from "../schema/system";

export type OutboxEmail = typeof emailOutbox.$inferSelect;
export type NewOutboxEmail = Pick<
  typeof emailOutbox.$inferInsert,
  "memberId" | "toAddress" | "subject" | "textBody" | "htmlBody" | "messageId" | "kind"
>;

/** Queues an email; a second insert with the same Message-ID is ignored, so a retried cause queues it once. */
export async function insertEmail(db: Database, email: NewOutboxEmail): Promise<void> {
  await db.insert(emailOutbox).values(email).onConflictDoNothing({ target: emailOutbox.messageId });
}

/**
 * Leases up to `limit` pending emails to this sender until `lockedUntil`; an email leased by a sender that crashed
 * becomes available again when its lease ends. Several processes never lease the same email at once.
 */
export async function leasePendingEmails(
  db: Database,
  limit: number,
  now: Date,
  lockedUntil: Date,
): Promise<OutboxEmail[]> {
  const candidates = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.status, "pending"), or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, now))),
    )
    .orderBy(asc(emailOutbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db.update(emailOutbox).set({ lockedUntil }).where(inArray(emailOutbox.id, candidates)).returning();
}

export async function markEmailSent(db: Database, id: number, sentAt: Date): Promise<void> {
  await db.update(emailOutbox).set({ status: "sent", sentAt, lockedUntil: null }).where(eq(emailOutbox.id, id));
}

/** Records a failed attempt, to be retried from `retryAt`; after `maxAttempts` the email is given up as failed. */
export async function markEmailAttemptFailed(
  db: Database,
  id: number,
  error: string,
  maxAttempts: number,
  retryAt: Date,
): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      lockedUntil: retryAt,
      status: sql`case when ${emailOutbox.attempts} + 1 >= ${maxAttempts} then 'failed' else 'pending' end`,
    })
    .where(eq(emailOutbox.id, id));
}

/** The emails sent to one address, newest first: the demo inbox. */
export async function listEmailsTo(db: Database, addresses: string[], limit: number): Promise<OutboxEmail[]> {
  if (addresses.length === 0) return [];
  return db
    .select()
    .from(emailOutbox)
    .where(and(inArray(emailOutbox.toAddress, addresses)))
    .orderBy(desc(emailOutbox.id))
    .limit(limit);
}
