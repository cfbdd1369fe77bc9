/** Turns a trip, its offers, slots, busy times and venues into the agenda exchange format the solver reads. */
import { Temporal } from "temporal-polyfill";
import { agendaKindOfOffer, agendaKinds, type AgendaKind } from "../../domain/agenda/agenda-kind";
import { candidateValue } from "../../domain/agenda/candidate-value";
import type { AgendaInput, AgendaInputCandidate } from "../../domain/agenda/exchange-format";
import type { OfferKind } from "../../domain/agenda/agenda-kind";
import { defaultAvailability, type Availability, type AvailabilityRange } from "../../domain/trips/availability";
import type { AgendaOfferRow, AgendaSlotRow, BusyTimeRow } from "../../db/repositories/agenda.repository";
import { instantToLocal } from "./agenda-plan";

export const defaultTravel = { speed_kmh: 25, min_buffer_min: 15 } as const;
/** A move has no departure: the agenda plans its first two weeks. */
export const moveAgendaDays = 14;

export interface AgendaTripFacts {
  kind: string;
  arrivalDate: string;
  departureDate: string | null;
  availability: Availability;
  maxMeetingsPerDay: number;
  timeZone: string;
}

export interface BuiltAgendaInput {
  input: AgendaInput;
  /** Candidate id → its offer. */
  offersByCandidate: Map<string, AgendaOfferRow>;
}

export const candidateIdOf = (offerId: number): string => `offer-${offerId}`;

/** The match score of a sender who was not alerted (they found the trip themselves): the middle of the scale. */
export const unalertedMatchScore = 0.5;

/**
 * A sender's match score in [0, 1]: their alert's points over the best alert of the trip, so that the best-matched
 * local counts 1; `unalertedMatchScore` for a sender who was not alerted.
 */
export function matchScoreOf(alertScore: number | null, maxAlertScore: number | null): number {
  if (alertScore === null || maxAlertScore === null || maxAlertScore <= 0) return unalertedMatchScore;
  return Math.min(1, Math.max(0, alertScore / maxAlertScore));
}
const venueIdOf = (venueId: number): string => `venue-${venueId}`;

/** The trip's days, first to last. */
export function tripDays(trip: Pick<AgendaTripFacts, "kind" | "arrivalDate" | "departureDate">): string[] {
  const first = Temporal.PlainDate.from(trip.arrivalDate);
  const last =
    trip.kind === "move" || trip.departureDate === null
      ? first.add({ days: moveAgendaDays - 1 })
      : Temporal.PlainDate.from(trip.departureDate);
  const days: string[] = [];
  for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 }))
    days.push(day.toString());
  return days;
}

/** Availability kinds are offer kinds (or agenda kinds); the solver speaks agenda kinds. */
function toAgendaKinds(kinds: readonly string[]): AgendaKind[] {
  const mapped = new Set<AgendaKind>();
  for (const kind of kinds) {
    if ((agendaKinds as readonly string[]).includes(kind)) mapped.add(kind as AgendaKind);
    else if (kind === "event_invitation") mapped.add("event");
    else if (kind === "introduction" || kind === "advice") mapped.add("other");
  }
  return [...mapped];
}

function toRange(range: AvailabilityRange): AgendaInput["days"][number]["available"][number] {
  if (range.kinds === undefined) return [range.from, range.to];
  return [range.from, range.to, toAgendaKinds(range.kinds)];
}

export function buildAgendaInput(
  trip: AgendaTripFacts,
  offers: readonly AgendaOfferRow[],
  slots: readonly AgendaSlotRow[],
  busy: readonly BusyTimeRow[],
  maxAlertScore: number | null = null,
): BuiltAgendaInput {
  const zone = trip.timeZone;
  const given = trip.availability;
  const hasAny = Object.keys(given.weekly ?? {}).length > 0 || Object.keys(given.dates ?? {}).length > 0;
  const availability = hasAny ? given : defaultAvailability();
  const days = tripDays(trip).map((date) => {
    const weekday = String(Temporal.PlainDate.from(date).dayOfWeek);
    const ranges = availability.dates?.[date] ?? availability.weekly[weekday] ?? [];
    return { date, available: ranges.filter((range) => range.from < range.to).map(toRange) };
  });

  const venues: AgendaInput["venues"] = {};
  const slotsByOffer = new Map<number, AgendaSlotRow[]>();
  for (const slot of slots) slotsByOffer.set(slot.offerId, [...(slotsByOffer.get(slot.offerId) ?? []), slot]);

  const offersByCandidate = new Map<string, AgendaOfferRow>();
  const candidates: AgendaInputCandidate[] = [];
  for (const offer of offers) {
    const offerSlots = slotsByOffer.get(offer.id) ?? [];
    const chosenSlot =
      offer.status === "accepted" && offer.acceptedSlotId !== null
        ? offerSlots.find((slot) => slot.id === offer.acceptedSlotId)
        : undefined;
    const usable = chosenSlot ? [chosenSlot] : offerSlots;
    const kind = agendaKindOfOffer(offer.kind as OfferKind, usable.length > 0);
    const first = usable[0];
    if (kind === null || first === undefined) continue;
    let venue: string | null = null;
    if (offer.venue && offer.venue.lat !== null && offer.venue.lon !== null) {
      venue = venueIdOf(offer.venue.id);
      venues[venue] = { lat: offer.venue.lat, lon: offer.venue.lon };
    }
    const id = candidateIdOf(offer.id);
    offersByCandidate.set(id, offer);
    candidates.push({
      id,
      counterpart: `member-${offer.senderId}`,
      kind,
      value: candidateValue({
        matchScore: matchScoreOf(offer.alertScore, maxAlertScore),
        kind,
        isStarred: offer.starred,
        ...(kind === "event" && offer.attendeeCount !== null ? { attendeeCount: offer.attendeeCount } : {}),
      }),
      duration_min: Math.max(...usable.map((slot) => slot.durationMin)),
      venue,
      starts: [...new Set(usable.map((slot) => instantToLocal(slot.startsAt, zone)))],
      ...(chosenSlot ? { locked: true } : {}),
    });
  }

  const fixed: AgendaInput["fixed"] = busy
    .map((item) => ({
      id: `busy-${item.id}`,
      start: instantToLocal(item.startsAt, zone),
      end: instantToLocal(new Date(Math.ceil(item.endsAt.getTime() / 60_000) * 60_000), zone),
      venue: null,
    }))
    .filter((item) => item.end > item.start);

  return {
    input: {
      timezone: zone,
      days,
      max_per_day: trip.maxMeetingsPerDay,
      travel: { ...defaultTravel },
      venues,
      fixed,
      candidates,
    },
    offersByCandidate,
  };
}
