/**
 * A local answers a trip with an offer. Load the trip (404 outside its audience) → check slots, venue and event →
 * in one transaction: count the sender's offers under their row lock (fail closed), write the offer, notify the
 * traveller. An Idempotency-Key replays the first response to the same member.
 */
import {
  countSenderOffersForCaps,
  findEventInCity,
  findVenueInCity,
  lockSenderRow,
  type VenueFacts,
} from "../../db/repositories/offers.repository";
import { AppError, invalid } from "../../domain/errors";
import { checkOfferLimits, dailyWindowStart } from "../../domain/offers/offer-limits";
import { isVenueRequired, type OfferKind } from "../../domain/offers/offer-kinds";
import { findSlotProblem, type ProposedSlot } from "../../domain/offers/validate-offer";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { queueAgendaResolve } from "../agenda/queue-agenda-resolve";
import { runIdempotently, type RememberResponse } from "../run-idempotently";
import { loadVisibleTrip, toTripStay } from "./load-visible-trip";
import { toOfferView, type OfferView } from "./offer-view";
import { saveOffer } from "./save-offer";

export interface CreateOfferInput {
  kind: OfferKind;
  message: string;
  slots: ProposedSlot[];
  venue?: { id: number } | { name: string; address: string; lat?: number; lon?: number };
  eventId?: number;
}

/** Creates an offer; answers 201 with the offer, or the saved response of an earlier request with the same key. */
export async function createOffer(
  context: AppContext,
  options: { viewer: ViewerInfo; tripId: number; input: CreateOfferInput; idempotencyKey?: string | undefined },
): Promise<{ status: 201; body: OfferView; replayed: boolean }> {
  const { viewer, tripId, input, idempotencyKey } = options;
  if (!viewer.emailVerified)
    throw new AppError("email_not_verified", "Confirm your email address before sending offers");
  const { body, replayed } = await runIdempotently<OfferView>(
    context.db,
    { memberId: viewer.memberId, key: idempotencyKey },
    (remember) => writeOffer(context, { viewer, tripId, input }, remember),
  );
  if (!replayed) await queueAgendaResolve(context, tripId);
  return { status: 201, body, replayed };
}

async function writeOffer(
  context: AppContext,
  { viewer, tripId, input }: { viewer: ViewerInfo; tripId: number; input: CreateOfferInput },
  remember: RememberResponse<OfferView>,
): Promise<OfferView> {
  const trip = await loadVisibleTrip(context, tripId, viewer.memberId);
  if (trip.trip.memberId === viewer.memberId) throw new AppError("forbidden", "You cannot answer your own trip");
  const now = context.now();

  let slots = input.slots;
  let eventVenue: VenueFacts | null = null;
  if (input.kind === "event_invitation") {
    if (input.eventId === undefined) throw invalid("eventId", "An event invitation names its event");
    const event = await findEventInCity(context.db, input.eventId, trip.city.id);
    if (!event) throw invalid("eventId", `No scheduled event ${input.eventId} in ${trip.city.name}`);
    eventVenue = event.venue;
    if (slots.length === 0) {
      const minutes = Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000);
      slots = [{ startsAt: event.startsAt.toISOString(), durationMinutes: Math.min(720, Math.max(5, minutes)) }];
    }
  } else if (input.eventId !== undefined) {
    throw invalid("eventId", "Only an event invitation names an event");
  }
  const problem = findSlotProblem({ kind: input.kind, slots, stay: toTripStay(trip), now });
  if (problem) throw invalid(problem.field, problem.message);
  if (!input.venue && isVenueRequired(input.kind)) throw invalid("venue", `A ${input.kind} offer names a venue`);
  let chosenVenue: VenueFacts | null = null;
  if (input.venue && "id" in input.venue) {
    chosenVenue = (await findVenueInCity(context.db, input.venue.id, trip.city.id)) ?? null;
    if (!chosenVenue) throw invalid("venue.id", `No venue ${input.venue.id} in ${trip.city.name}`);
  }

  return context.db.transaction(async (tx) => {
    const sender = await lockSenderRow(tx, viewer.memberId);
    const verdict = checkOfferLimits({
      now,
      ...(await countSenderOffersForCaps(tx, { senderId: viewer.memberId, tripId, since: dailyWindowStart(now) })),
    });
    if (!verdict.allowed)
      throw new AppError("rate_limited", verdict.message, {
        ...(verdict.retryAfterSeconds !== undefined ? { retryAfterSeconds: verdict.retryAfterSeconds } : {}),
      });
    const known = chosenVenue ?? eventVenue;
    const saved = await saveOffer(
      tx,
      {
        trip,
        sender: { id: viewer.memberId, name: viewer.name },
        kind: input.kind,
        message: input.message,
        // A venue named by its details is written with the offer.
        venue:
          input.venue && !("id" in input.venue)
            ? {
                cityId: trip.city.id,
                name: input.venue.name,
                address: input.venue.address,
                lat: input.venue.lat ?? null,
                lon: input.venue.lon ?? null,
              }
            : known && { id: known.id },
        eventId: input.kind === "event_invitation" ? (input.eventId ?? null) : null,
        slots: slots.map((slot) => ({ startsAt: new Date(slot.startsAt), durationMinutes: slot.durationMinutes })),
      },
      now,
      context.settings.baseUrl,
    );
    // Built from the rows just written, not read back: a new offer has no meeting and no proposals yet.
    const view = toOfferView({ ...saved, sender, venue: saved.newVenue ?? known, meetingId: null, proposals: [] });
    await remember(tx, view);
    return view;
  });
}
