/**
 * Finds whom a report is about and in which city, from what the reporter points at. The reporter must be able to see
 * the target (a party to the offer or conversation, in the trip's or event's audience); otherwise it answers 404,
 * like a missing one. A block does not stop a member from reporting what they were sent.
 */
import {
  findIntroductionMessageParties,
  findOfferMessageParties,
  findOfferParties,
  findReportableMember,
} from "../../db/repositories/reports.repository";
import { notFound } from "../../domain/errors";
import type { ReportTargetKind } from "../../domain/moderation/report-rules";
import type { AppContext } from "../context";
import { loadVisibleEvent } from "../events/event-access";
import { findVisibleTrip } from "../trips/find-visible-trip";

export interface ReportTarget {
  subjectId: number;
  cityId: number | null;
  /** The reported thing's id; null when the member themselves is reported. */
  targetId: number | null;
}

export async function resolveReportTarget(
  context: Pick<AppContext, "db" | "now">,
  reporterId: number,
  target: { kind: ReportTargetKind; id: number },
): Promise<ReportTarget> {
  const { db } = context;
  switch (target.kind) {
    case "member": {
      const member = await findReportableMember(db, target.id);
      if (!member || !member.hasAccount) throw notFound("Member");
      return { subjectId: member.id, cityId: member.cityId, targetId: null };
    }
    case "trip": {
      const found = await findVisibleTrip(db, target.id, reporterId, context.now());
      return { subjectId: found.trip.memberId, cityId: found.trip.cityId, targetId: target.id };
    }
    case "offer": {
      const offer = await findOfferParties(db, target.id);
      if (!offer || (offer.senderId !== reporterId && offer.travellerId !== reporterId)) throw notFound("Offer");
      return { subjectId: offer.senderId, cityId: offer.cityId, targetId: target.id };
    }
    case "event": {
      const { event } = await loadVisibleEvent(db, target.id, reporterId);
      return { subjectId: event.hostId, cityId: event.cityId, targetId: target.id };
    }
    case "offer_message": {
      const message = await findOfferMessageParties(db, target.id);
      if (!message || (message.senderId !== reporterId && message.travellerId !== reporterId))
        throw notFound("Message");
      return { subjectId: message.authorId, cityId: message.cityId, targetId: target.id };
    }
    case "introduction_message": {
      const message = await findIntroductionMessageParties(db, target.id);
      if (!message || (message.firstId !== reporterId && message.secondId !== reporterId)) throw notFound("Message");
      // A conversation belongs to no city: the author's home city's moderators see it.
      const author = await findReportableMember(db, message.authorId);
      return { subjectId: message.authorId, cityId: author?.cityId ?? null, targetId: target.id };
    }
  }
}
