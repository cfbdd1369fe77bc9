/** Feedback after a meeting: private answers (useful? follow-up? a deal?) and a public thank-you. */
import { findGiftBySource, setGiftThanks } from "../../db/repositories/gifts.repository";
import {
  findMeetingFeedback,
  listMeetingFeedback,
  upsertMeetingFeedback,
} from "../../db/repositories/meetings.repository";
import { meetingGiftSource } from "../../domain/giving/gift-sources";
import { AppError } from "../../domain/errors";
import type { AppContext } from "../context";
import { loadOwnMeeting } from "./confirm-meeting";

export interface FeedbackInput {
  useful?: boolean | null | undefined;
  followUp?: boolean | null | undefined;
  deal?: boolean | null | undefined;
  thanks?: string | null | undefined;
}

export interface MeetingFeedbackView {
  mine: { useful: boolean | null; followUp: boolean | null; deal: boolean | null; thanks: string | null } | null;
  /** The public thank-you notes of both sides. */
  thanks: { memberId: number; thanks: string }[];
}

async function view(context: AppContext, memberId: number, meetingId: number): Promise<MeetingFeedbackView> {
  const mine = await findMeetingFeedback(context.db, meetingId, memberId);
  const all = await listMeetingFeedback(context.db, meetingId);
  return {
    mine: mine ? { useful: mine.useful, followUp: mine.followUp, deal: mine.deal, thanks: mine.thanks } : null,
    thanks: all.flatMap((row) => (row.thanks ? [{ memberId: row.memberId, thanks: row.thanks }] : [])),
  };
}

/** Saves the viewer's feedback once the meeting has started; the guest's thank-you also thanks the host's gift. */
export async function saveMeetingFeedback(
  context: AppContext,
  memberId: number,
  meetingId: number,
  input: FeedbackInput,
): Promise<MeetingFeedbackView> {
  await context.db.transaction(async (tx) => {
    const meeting = await loadOwnMeeting(tx, memberId, meetingId);
    if (meeting.status === "cancelled") throw new AppError("conflict", "The meeting was cancelled");
    if (meeting.startsAt.getTime() > context.now().getTime())
      throw new AppError("conflict", "Feedback opens once the meeting has started");
    await upsertMeetingFeedback(tx, { meetingId, memberId, ...input });
    if (memberId === meeting.guestId && input.thanks !== undefined) {
      const gift = await findGiftBySource(tx, meetingGiftSource(meetingId));
      if (gift) await setGiftThanks(tx, gift.id, input.thanks);
    }
  });
  return view(context, memberId, meetingId);
}

/** The viewer's own feedback and both sides' public thanks; 404 unless the viewer took part. */
export async function getMeetingFeedback(
  context: AppContext,
  memberId: number,
  meetingId: number,
): Promise<MeetingFeedbackView> {
  await loadOwnMeeting(context.db, memberId, meetingId);
  return view(context, memberId, meetingId);
}
