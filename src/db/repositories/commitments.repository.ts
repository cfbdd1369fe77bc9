/**
 * A member's commitments in time, for the no-double-booking guard: scheduled or held meetings (as host or guest),
 * events they host and events they are going to (neither cancelled).
 */
import { and, asc, eq, gt, inArray, lt, ne, or } from "drizzle-orm";
import type { Database } from "../create-db";
import { meetings, offers } from "../schema/arrivals";
import { events, rsvps } from "../schema/gatherings";
import { members } from "../schema/people";

export type Commitment =
  | { kind: "meeting"; id: number; startsAt: Date; endsAt: Date }
  | { kind: "hosted_event" | "attended_event"; id: number; title: string; startsAt: Date; endsAt: Date };

/**
 * Locks the members' rows (`FOR UPDATE`) in ascending id order, so that two transactions locking the same people
 * always queue in the same order and never deadlock.
 */
export async function lockMemberRowsInOrder(tx: Database, memberIds: number[]): Promise<void> {
  const ids = [...new Set(memberIds)].sort((a, b) => a - b);
  for (const id of ids) {
    await tx.select({ id: members.id }).from(members).where(eq(members.id, id)).for("update");
  }
}

/**
 * The first of the member's commitments overlapping [startsAt, endsAt), or undefined. `exceptEventId` leaves out
 * an event and the meetings of its invitations (accepting an invitation to an event never clashes with that event).
 */
export async function findClashingCommitment(
  tx: Database,
  options: { memberId: number; startsAt: Date; endsAt: Date; exceptEventId?: number | null },
): Promise<Commitment | undefined> {
  const { memberId, startsAt, endsAt } = options;
  const exceptEventId = options.exceptEventId ?? null;
  const meetingRows = await tx
    .select({ id: meetings.id, startsAt: meetings.startsAt, endsAt: meetings.endsAt, eventId: offers.eventId })
    .from(meetings)
    .leftJoin(offers, eq(offers.id, meetings.offerId))
    .where(
      and(
        or(eq(meetings.hostId, memberId), eq(meetings.guestId, memberId)),
        ne(meetings.status, "cancelled"),
        lt(meetings.startsAt, endsAt),
        gt(meetings.endsAt, startsAt),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  const meeting = meetingRows.find((row) => exceptEventId === null || row.eventId !== exceptEventId);
  if (meeting) return { kind: "meeting", id: meeting.id, startsAt: meeting.startsAt, endsAt: meeting.endsAt };
  const overlapping = and(
    ne(events.status, "cancelled"),
    lt(events.startsAt, endsAt),
    gt(events.endsAt, startsAt),
    exceptEventId === null ? undefined : ne(events.id, exceptEventId),
  );
  const [hosted] = await tx
    .select({ id: events.id, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt })
    .from(events)
    .where(and(eq(events.hostId, memberId), overlapping))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(1);
  if (hosted) return { kind: "hosted_event", ...hosted };
  const [attended] = await tx
    .select({ id: events.id, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt })
    .from(events)
    .innerJoin(rsvps, eq(rsvps.eventId, events.id))
    .where(and(eq(rsvps.memberId, memberId), inArray(rsvps.status, ["going"]), overlapping))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(1);
  if (attended) return { kind: "attended_event", ...attended };
  return undefined;
}
