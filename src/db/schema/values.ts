/** Closed sets of values stored as text and guarded by CHECK constraints (easier to extend than enum types). */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

export const roles = ["member", "organiser", "moderator", "admin"] as const;
export const careerStages = [
  "student",
  "first_time_founder",
  "experienced_founder",
  "executive",
  "investor",
  "freelancer",
  "other",
] as const;
export const origins = ["local", "expat", "visitor"] as const;
export const emailPreferences = ["instant", "digest", "off"] as const;
export const locales = ["en", "fr"] as const;
export const tripKinds = ["visit", "move"] as const;
export const tripPurposes = ["professional", "personal", "both"] as const;
export const tripAudiences = ["connections", "connections_and_picked", "members"] as const;
export const tripStatuses = ["active", "cancelled", "expired"] as const;
export const offerKinds = ["coffee", "lunch", "dinner", "visit", "event_invitation", "introduction", "advice"] as const;
export const offerStatuses = ["open", "accepted", "declined", "withdrawn"] as const;
export const meetingStatuses = ["scheduled", "held", "cancelled"] as const;
export const eventAudiences = ["public", "members", "invite_only"] as const;
export const eventStatuses = ["scheduled", "cancelled"] as const;
export const rsvpStatuses = ["going", "maybe", "not_going", "waitlisted", "pending_approval"] as const;
export const introductionAnswers = ["pending", "accepted", "declined"] as const;
export const introductionStatuses = ["pending", "accepted", "expired"] as const;
export const giftKinds = ["meeting", "introduction", "event_invitation", "advice"] as const;
export const outboxStatuses = ["pending", "sent", "failed"] as const;
export const reportStatuses = ["open", "warned", "suspended", "dismissed"] as const;
export const reportTargetKinds = ["member", "trip", "offer", "event", "offer_message", "introduction_message"] as const;
export const reportReasons = ["spam", "harassment", "inappropriate", "fake_profile", "safety", "other"] as const;
export const moderationActionKinds = ["dismiss", "warn", "suspend", "unsuspend"] as const;

/** `column IN (...)` as a CHECK expression. */
export function isOneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.join(
    values.map((value) => sql.raw(`'${value.replaceAll("'", "''")}'`)),
    sql`, `,
  )})`;
}
