/** A side of a meeting confirms it took place; when both have, it is held: a gift, and a tie between them. */
import type { Database } from "../../db/create-db";
import { isBlockedBetween } from "../../db/repositories/events.repository";
import { insertGift } from "../../db/repositories/gifts.repository";
import {
  confirmMeetingSide,
  findMeetingById,
  findMeetingFeedback,
  markMeetingHeld,
  strengthenTie,
  type MeetingRow,
} from "../../db/repositories/meetings.repository";
import { meetingGiftSource, orderPair } from "../../domain/giving/gift-sources";
import { AppError, notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { localDate } from "../events/event-times";
import { queueCityReportRefresh } from "../analytics/queue-city-report-refresh";

export interface MeetingState {
  meetingId: number;
  status: string;
  hostConfirmed: boolean;
  guestConfirmed: boolean;
}

/** The meeting when the viewer is its host or guest (and they have not blocked each other); 404 otherwise. */
export async function loadOwnMeeting(
  db: Database,
  memberId: number,
  meetingId: number,
  options: { lock?: boolean } = {},
) {
  const meeting = await findMeetingById(db, meetingId, options);
  if (!meeting || (meeting.hostId !== memberId && meeting.guestId !== memberId)) throw notFound("Meeting");
  if (await isBlockedBetween(db, meeting.hostId, meeting.guestId)) throw notFound("Meeting");
  return meeting;
}

const stateOf = (meeting: MeetingRow): MeetingState => ({
  meetingId: meeting.id,
  status: meeting.status,
  hostConfirmed: meeting.hostConfirmed,
  guestConfirmed: meeting.guestConfirmed,
});

/**
 * Confirms the viewer's side once the meeting has started. The gift (host gives, guest receives) and the tie are
 * recorded only by the confirmation that completes both sides, once.
 */
export async function confirmMeeting(context: AppContext, memberId: number, meetingId: number): Promise<MeetingState> {
  const now = context.now();
  const { state, tiedCityId } = await context.db.transaction(async (tx) => {
    const meeting = await loadOwnMeeting(tx, memberId, meetingId, { lock: true });
    if (meeting.status === "cancelled") throw new AppError("conflict", "The meeting was cancelled");
    if (meeting.startsAt.getTime() > now.getTime()) throw new AppError("conflict", "The meeting has not started yet");
    const confirmed = await confirmMeetingSide(tx, meetingId, meeting.hostId === memberId ? "host" : "guest");
    if (!(await markMeetingHeld(tx, meetingId))) return { state: stateOf(confirmed), tiedCityId: null };
    const metOn = localDate(meeting.startsAt, meeting.timeZone);
    const guestFeedback = await findMeetingFeedback(tx, meetingId, meeting.guestId);
    await insertGift(tx, {
      giverId: meeting.hostId,
      receiverId: meeting.guestId,
      kind: "meeting",
      occurredOn: metOn,
      cityId: meeting.cityId,
      thanks: guestFeedback?.thanks ?? null,
      source: meetingGiftSource(meetingId),
    });
    const { aId, bId } = orderPair(meeting.hostId, meeting.guestId);
    await strengthenTie(tx, aId, bId, metOn);
    return { state: { ...stateOf(confirmed), status: "held" as const }, tiedCityId: meeting.cityId };
  });
  // A new or stronger tie changes the city's network: its openness report is refreshed (debounced by the job).
  if (tiedCityId !== null) await queueCityReportRefresh(context, tiedCityId);
  return state;
}
