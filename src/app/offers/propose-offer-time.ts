/**
 * The traveller proposes another start for an open offer, typically the feasible alternative the agenda found for an
 * offer it left out. The proposal joins the offer's thread and the sender is notified; accepting it
 * (`acceptTimeProposal`) makes it a slot. Proposing the same start twice changes nothing.
 */
import { Temporal } from "temporal-polyfill";
import { insertTimeProposal } from "../../db/repositories/offer-time-proposals.repository";
import { findTripWithCity, insertOfferMessage, listSlotsOfOffers } from "../../db/repositories/offers.repository";
import { AppError, invalid, notFound } from "../../domain/errors";
import type { OfferKind } from "../../domain/offers/offer-kinds";
import { findSlotProblem } from "../../domain/offers/validate-offer";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { addNotification } from "../notifications/notify-member";
import { loadOfferForParty } from "./load-offer-for-party";
import { toTripStay } from "./load-visible-trip";
import { loadOfferViews, type OfferView } from "./offer-view";

/** The length of a proposed meeting when the offer has no slot to take it from. */
export const defaultProposalMinutes = 60;

/** "mer. 6 mars à 10:30" / "Wed, Mar 6 at 10:30": the start in the city's zone, in the author's language. */
export function describeStart(startsAt: Date, timeZone: string, locale: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime()).toZonedDateTimeISO(timeZone);
  const tag = locale === "fr" ? "fr-FR" : "en-US";
  const day = zoned.toPlainDate().toLocaleString(tag, { weekday: "short", day: "numeric", month: "short" });
  const time = zoned.toPlainTime().toString({ smallestUnit: "minute" });
  return locale === "fr" ? `${day} à ${time}` : `${day} at ${time}`;
}

export async function proposeOfferTime(
  context: AppContext,
  options: { viewer: ViewerInfo; offerId: number; startsAt: string },
): Promise<OfferView> {
  const { viewer, offerId } = options;
  const party = await loadOfferForParty(context.db, offerId, viewer.memberId);
  if (party.role !== "traveller") throw new AppError("forbidden", "Only the traveller proposes a time");
  if (party.offer.status !== "open")
    throw new AppError("conflict", `This offer is ${party.offer.status}: propose a time on an open offer`);
  const trip = await findTripWithCity(context.db, party.offer.tripId);
  if (!trip) throw notFound("Offer");
  const slots = await listSlotsOfOffers(context.db, [offerId]);
  const durationMinutes = Math.max(0, ...slots.map((slot) => slot.durationMin)) || defaultProposalMinutes;
  const now = context.now();
  const problem = findSlotProblem({
    kind: party.offer.kind as OfferKind,
    slots: [{ startsAt: options.startsAt, durationMinutes }],
    stay: toTripStay(trip),
    now,
  });
  if (problem) throw invalid("startsAt", problem.message.replace("A slot", "The proposed time"));
  const startsAt = new Date(options.startsAt);

  return context.db.transaction(async (tx) => {
    const { proposal, created } = await insertTimeProposal(tx, {
      offerId,
      proposedById: viewer.memberId,
      startsAt,
      durationMin: durationMinutes,
      createdAt: now,
    });
    if (created) {
      const when = describeStart(startsAt, trip.city.timeZone, viewer.locale);
      await insertOfferMessage(tx, {
        offerId,
        authorId: viewer.memberId,
        body:
          viewer.locale === "fr" ? `Pourrions-nous plutôt nous voir le ${when} ?` : `Could we meet on ${when} instead?`,
        createdAt: now,
      });
      await addNotification(tx, {
        memberId: party.offer.senderId,
        kind: "offer_time_proposed",
        payload: {
          offerId,
          tripId: party.offer.tripId,
          proposalId: proposal.id,
          startsAt: startsAt.toISOString(),
          byName: viewer.name,
        },
        createdAt: now,
      });
    }
    const [view] = await loadOfferViews(tx, { offerId });
    if (!view) throw new Error("offer vanished in its own transaction");
    return view;
  });
}
