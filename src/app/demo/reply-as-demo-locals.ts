/**
 * In demo mode, synthetic locals answer a real member's new trip with plausible offers, so that someone trying the
 * software alone sees the whole loop. Queued by the trip's announcement (`queueDemoReplies`), run by the job queue
 * after the configured delay (`replyAsDemoLocals`); a sweep catches trips whose job was never queued. Idempotent:
 * the trip's row lock and the "already answered" check make a second run a no-op. Once offers are written, the
 * trip's agenda re-solve is queued, as for a real offer.
 */
import {
  hasDemoOffers,
  insertDemoEvent,
  insertInvitation,
  listCityEventsBetween,
  listCityVenues,
  listDemoLocals,
  lockTrip,
  type DemoLocalRow,
} from "../../db/repositories/demo-replies.repository";
import { findTripWithCity } from "../../db/repositories/offers.repository";
import { readSetting } from "../../db/repositories/settings.repository";
import { availabilityKindsOf, type OfferKind } from "../../domain/offers/offer-kinds";
import { offersPerTrip } from "../../domain/offers/offer-limits";
import { isInsideAvailability, stayInstants } from "../../domain/offers/stay";
import { Temporal } from "temporal-polyfill";
import { queueAgendaResolve } from "../agenda/queue-agenda-resolve";
import type { AppContext } from "../context";
import { toTripStay } from "../offers/load-visible-trip";
import { saveOffer } from "../offers/save-offer";
import { demoPersonasKey, type DemoPersona } from "./demo-personas";
import { writeDemoMessage } from "./replies/demo-messages";
import { planEventTimes, planTimedOffers, type PlannedSlot } from "./replies/plan-demo-offers";

export const demoReplyJob = "demo.reply";
/**
 * Demo locals asked for: one per offer, since the agenda meets each member at most once (two accepted offers of one
 * sender would clash); with fewer, senders repeat up to the per-trip cap.
 */
const minimumLocals = 10;
const invitationsWanted = 2;
/** An invitation is to an evening event: one starting at this local hour or later. */
const eveningFromHour = 17;

const localDate = (instant: Date, timeZone: string): string =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();

/** Queues the demo locals' answer to a new trip; a no-op outside demo mode. Call it when a trip is announced. */
export async function queueDemoReplies(context: Pick<AppContext, "settings" | "jobs">, tripId: number): Promise<void> {
  if (!context.settings.demo) return;
  await context.jobs.send(
    demoReplyJob,
    { tripId },
    {
      startAfterSeconds: Math.max(0, Math.round(context.settings.demoReplyDelayMs / 1000)),
      singletonKey: `${demoReplyJob}:${tripId}`,
    },
  );
}

interface InvitationEvent {
  id: number;
  title: string;
  venueId: number | null;
  slot: PlannedSlot;
  hostId: number | null;
}

/** Writes the demo locals' offers on a trip of a real member; returns how many were written (0 when skipped). */
export async function replyAsDemoLocals(context: AppContext, tripId: number): Promise<number> {
  if (!context.settings.demo) return 0;
  const found = await findTripWithCity(context.db, tripId);
  if (!found || found.traveller.isDemo || found.trip.status !== "active") return 0;
  const { trip, city, traveller } = found;
  const now = context.now();
  const stay = toTripStay(found);
  // Personas are people trying the demo by hand: they never answer automatically, and their own offers do not count
  // as the demo locals' answer.
  const personaIds = ((await readSetting<DemoPersona[]>(context.db, demoPersonasKey)) ?? []).map(
    (persona) => persona.memberId,
  );
  const locals = await listDemoLocals(context.db, city.id, traveller.id, minimumLocals, personaIds);
  if (locals.length === 0) return 0;
  const venues = await listCityVenues(context.db, city.id, 80);
  const seed = tripId;
  const venueAt = (index: number) => (venues.length > 0 ? venues[(seed * 7 + index * 5) % venues.length] : undefined);

  // Upcoming events of the city during the stay, at times the traveller is available for events.
  const { startsAt: stayStart, endsAt: stayEnd } = stayInstants(stay);
  const from = new Date(Math.max(now.getTime(), stayStart.epochMilliseconds));
  const existing = (await listCityEventsBetween(context.db, city.id, from, new Date(stayEnd.epochMilliseconds)))
    .map((event) => ({ ...event, minutes: Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000) }))
    .filter(
      (event) =>
        event.minutes >= 5 &&
        event.minutes <= 720 &&
        event.startsAt.getTime() > now.getTime() &&
        event.endsAt.getTime() <= stayEnd.epochMilliseconds &&
        isInsideAvailability(
          stay.availability,
          stay.timeZone,
          Temporal.Instant.fromEpochMilliseconds(event.startsAt.getTime()),
          event.minutes,
          availabilityKindsOf("event_invitation"),
        ),
    )
    .filter((event) => {
      // Evening events only (the agenda's "evening out"), on distinct days so that both can be accepted.
      const local = Temporal.Instant.fromEpochMilliseconds(event.startsAt.getTime()).toZonedDateTimeISO(stay.timeZone);
      return local.hour >= eveningFromHour;
    })
    .filter(
      (event, index, all) =>
        all.findIndex(
          (other) => localDate(other.startsAt, stay.timeZone) === localDate(event.startsAt, stay.timeZone),
        ) === index,
    )
    .slice(0, invitationsWanted);
  const takenDays = new Set(existing.map((event) => localDate(event.startsAt, stay.timeZone)));
  const newEventTimes =
    existing.length < invitationsWanted
      ? planEventTimes(stay, now, invitationsWanted, seed)
          .filter((slot) => !takenDays.has(localDate(slot.startsAt, stay.timeZone)))
          .slice(0, invitationsWanted - existing.length)
      : [];
  const timed = planTimedOffers(stay, now, seed);
  const firstName = traveller.name.split(" ")[0] ?? traveller.name;
  const seeks = trip.seeks.trim() || trip.seeksTags.join(", ");

  const written = await context.db.transaction(async (tx) => {
    if (!(await lockTrip(tx, tripId)) || (await hasDemoOffers(tx, tripId, personaIds))) return 0;
    const sent = new Map<number, number>();
    const hasRoom = (local: DemoLocalRow) => (sent.get(local.id) ?? 0) < offersPerTrip;
    const take = (local: DemoLocalRow) => {
      sent.set(local.id, (sent.get(local.id) ?? 0) + 1);
      return local;
    };
    // The local who has sent the fewest offers so far (from `index` on, round-robin), never past the per-trip cap.
    const nextLocal = (index: number) => {
      let best: DemoLocalRow | undefined;
      for (let step = 0; step < locals.length; step++) {
        const local = locals[(index + step) % locals.length];
        if (local && hasRoom(local) && (!best || (sent.get(local.id) ?? 0) < (sent.get(best.id) ?? 0))) best = local;
      }
      return best ? take(best) : undefined;
    };

    const invitations: InvitationEvent[] = existing.map((event) => ({
      id: event.id,
      title: event.title,
      venueId: event.venueId,
      slot: { startsAt: event.startsAt, durationMinutes: event.minutes },
      hostId: null,
    }));
    for (const [index, slot] of newEventTimes.entries()) {
      // Hosted by a local who sends no other offer (the timed offers and the existing events' invitations come first).
      const host = locals[(timed.length + existing.length + index) % locals.length];
      if (!host) break;
      const venue = venueAt(100 + index);
      const title = index % 2 === 0 ? "Founders & friends evening" : "Builders' meetup: demos and drinks";
      const titleFr = index % 2 === 0 ? "Soirée entrepreneurs & amis" : "Meetup des bâtisseurs : démos et apéro";
      const id = await insertDemoEvent(tx, {
        cityId: city.id,
        hostId: host.id,
        title,
        titleFr,
        description: "A relaxed evening to meet founders, investors and newcomers (demo event).",
        descriptionFr:
          "Une soirée détendue pour rencontrer entrepreneurs, investisseurs et nouveaux venus (événement de démo).",
        venueId: venue?.id ?? null,
        startsAt: slot.startsAt,
        endsAt: new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000),
        tags: [],
      });
      invitations.push({
        id,
        title: host.locale === "fr" ? titleFr : title,
        venueId: venue?.id ?? null,
        slot,
        hostId: host.id,
      });
    }

    let written = 0;
    const plan: { kind: OfferKind; slots: PlannedSlot[]; event?: InvitationEvent }[] = [
      ...timed,
      ...invitations.map((event) => ({ kind: "event_invitation" as const, slots: [event.slot], event })),
    ];
    for (const [index, offer] of plan.entries()) {
      const host = locals.find((candidate) => candidate.id === offer.event?.hostId);
      // A host who already sent an offer leaves the invitation to another local: the traveller meets each once.
      const local = host && !sent.has(host.id) ? take(host) : nextLocal(index);
      if (!local) break;
      const venue = offer.event
        ? venues.find((candidate) => candidate.id === offer.event?.venueId)
        : offer.kind === "advice"
          ? undefined
          : venueAt(index);
      const messageKind = offer.kind === "introduction" ? "advice" : offer.kind;
      const message = writeDemoMessage(
        messageKind,
        {
          locale: local.locale,
          travellerFirstName: firstName,
          seeks,
          city: city.name,
          venue: venue?.name ?? null,
          ...(offer.event ? { eventTitle: offer.event.title } : {}),
        },
        seed + index,
      );
      await saveOffer(
        tx,
        {
          trip: found,
          sender: { id: local.id, name: local.name },
          kind: offer.kind,
          message,
          venue: venueOf(offer.event ? offer.event.venueId : (venue?.id ?? null)),
          eventId: offer.event?.id ?? null,
          slots: offer.slots,
        },
        now,
        context.settings.baseUrl,
      );
      if (offer.event) await insertInvitation(tx, offer.event.id, traveller.id, local.id);
      written++;
    }
    return written;
  });
  // Like a real offer, the demo locals' offers change what the traveller's agenda is made of: re-solve it.
  if (written > 0) await queueAgendaResolve(context, tripId);
  return written;
}

/** One of the city's venues by its id, or none. */
function venueOf(id: number | null): { id: number } | null {
  return id === null ? null : { id };
}
