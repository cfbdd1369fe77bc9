/**
 * Plans what the demo locals offer a new trip: meals, coffees and a visit spread over the stay's days at plausible
 * local hours inside the traveller's availability, plus invitations to evening events. Pure: the clock and the data
 * are arguments, and the same trip always gets the same plan.
 */
import { Temporal } from "temporal-polyfill";
import { availabilityKindsOf, type OfferKind } from "../../../domain/offers/offer-kinds";
import { isInsideAvailability, stayDays, stayInstants, type TripStay } from "../../../domain/offers/stay";

export interface PlannedSlot {
  startsAt: Date;
  durationMinutes: number;
}

/** Local start times tried for each kind, and how long each lasts (lunches 12:00–14:30, dinners 19:00–23:00). */
const times: Record<
  "coffee" | "lunch" | "dinner" | "visit" | "event_invitation",
  { starts: string[]; minutes: number }
> = {
  coffee: { starts: ["09:00", "10:00", "16:00", "11:00", "17:00", "08:30"], minutes: 45 },
  lunch: { starts: ["12:30", "12:00", "13:00"], minutes: 90 },
  dinner: { starts: ["20:00", "19:30", "19:00", "20:30"], minutes: 120 },
  visit: { starts: ["10:30", "15:00", "14:00", "09:30"], minutes: 60 },
  event_invitation: { starts: ["19:00", "18:30", "19:30"], minutes: 120 },
};

/** The order of the timed offers: at least eight, every kind of meeting represented. */
export const timedKinds = ["coffee", "lunch", "dinner", "visit", "coffee", "lunch", "dinner", "coffee"] as const;
export type TimedKind = (typeof timedKinds)[number];

/** The slots at which a kind may start on one local day: in the future, inside the stay and the availability. */
export function feasibleSlots(
  stay: TripStay,
  day: Temporal.PlainDate,
  kind: keyof typeof times,
  now: Date,
): PlannedSlot[] {
  const { starts, minutes } = times[kind];
  const { startsAt: stayStart, endsAt: stayEnd } = stayInstants(stay);
  const nowInstant = Temporal.Instant.fromEpochMilliseconds(now.getTime());
  const slots: PlannedSlot[] = [];
  for (const start of starts) {
    const instant = day
      .toZonedDateTime({ timeZone: stay.timeZone, plainTime: Temporal.PlainTime.from(start) })
      .toInstant();
    const end = instant.add({ minutes });
    if (Temporal.Instant.compare(instant, nowInstant) <= 0) continue;
    if (Temporal.Instant.compare(instant, stayStart) < 0 || Temporal.Instant.compare(end, stayEnd) > 0) continue;
    if (
      !isInsideAvailability(stay.availability, stay.timeZone, instant, minutes, availabilityKindsOf(kind as OfferKind))
    )
      continue;
    slots.push({ startsAt: new Date(instant.epochMilliseconds), durationMinutes: minutes });
  }
  return slots;
}

/**
 * Up to `count` slots for one offer on distinct days, starting from the day `offset` so that offers spread over the
 * stay, and rotating the preferred hour with `variant`.
 */
export function pickSlots(
  stay: TripStay,
  kind: keyof typeof times,
  now: Date,
  offset: number,
  variant: number,
  count: number,
): PlannedSlot[] {
  const days = stayDays(stay);
  const picked: PlannedSlot[] = [];
  for (let step = 0; step < days.length && picked.length < count; step++) {
    const day = days[(offset + step) % days.length];
    if (!day) continue;
    const options = feasibleSlots(stay, day, kind, now);
    const choice = options[variant % Math.max(1, options.length)];
    if (choice) picked.push(choice);
  }
  return picked.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export interface PlannedTimedOffer {
  kind: TimedKind | "advice";
  slots: PlannedSlot[];
}

/**
 * The eight timed offers: each proposes two or three slots on distinct days. A kind the availability never admits
 * falls back to a coffee, and with no admissible time at all to advice (which needs none).
 */
export function planTimedOffers(stay: TripStay, now: Date, seed: number): PlannedTimedOffer[] {
  return timedKinds.map((kind, index) => {
    const offset = seed + index * 2;
    const count = 2 + ((seed + index) % 2);
    for (const candidate of [kind, "coffee"] as const) {
      const slots = pickSlots(stay, candidate, now, offset, seed + index, count);
      if (slots.length > 0) return { kind: candidate, slots };
    }
    return { kind: "advice", slots: [] };
  });
}

/** Evening times for demo events to create when the city has too few during the stay, on distinct days. */
export function planEventTimes(stay: TripStay, now: Date, count: number, seed: number): PlannedSlot[] {
  return pickSlots(stay, "event_invitation", now, seed + 1, 0, count);
}
