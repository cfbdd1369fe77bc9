/**
 * The one place that writes notifications. `notifyMember` adds an in-app notification and queues an email in the
 * outbox; `addNotifications` adds in-app notifications only. Both write in the caller's transaction.
 */
import type { Database } from "../../db/create-db";
import { insertNotifications, type NewNotification } from "../../db/repositories/notifications.repository";
import { insertEmail } from "../../db/repositories/outbox.repository";
import { escapeHtml } from "../mail/escape-html";

export interface Recipient {
  memberId: number;
  email: string;
  locale: string;
}

export interface Notice {
  kind: string;
  payload: Record<string, unknown>;
  subject: { en: string; fr: string };
  body: { en: string; fr: string };
  /** Stable for this notice to this member, so that a retried cause queues the email once. */
  messageId: string;
}

/** Notifies a member in their language; the email's Message-ID is the notice's own. */
export async function notifyMember(db: Database, recipient: Recipient, notice: Notice): Promise<void> {
  const locale = recipient.locale === "fr" ? "fr" : "en";
  await insertNotifications(db, [{ memberId: recipient.memberId, kind: notice.kind, payload: notice.payload }]);
  await insertEmail(db, {
    memberId: recipient.memberId,
    toAddress: recipient.email,
    subject: notice.subject[locale],
    kind: notice.kind,
    messageId: notice.messageId,
    textBody: `${notice.body[locale]}\n`,
    htmlBody: `<p>${escapeHtml(notice.body[locale])}</p>`,
  });
}

/** In-app notifications without an email (the cause sends its own email, or none). */
export async function addNotifications(
  db: Database,
  rows: readonly NewNotification[],
  createdAt?: Date,
): Promise<void> {
  await insertNotifications(db, rows, createdAt);
}

/** One in-app notification without an email, at the given instant. */
export async function addNotification(
  db: Database,
  notification: NewNotification & { createdAt?: Date | undefined },
): Promise<void> {
  const { createdAt, ...row } = notification;
  await insertNotifications(db, [row], createdAt);
}

/** The host part of Message-IDs: this instance's host name. */
export function mailHost(baseUrl: string): string {
  return new URL(baseUrl).hostname;
}
