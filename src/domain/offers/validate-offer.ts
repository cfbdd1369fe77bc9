/** The rules an offer's proposed slots must follow, as a problem naming the field, or null. */
import { Temporal } from "temporal-polyfill";
import { isSlotRequired, maxSlotsPerOffer, type OfferKind } from "./offer-kinds";
import { stayInstants, type TripStay } from "./stay";

export interface ProposedSlot {
  /** An ISO instant. */
  startsAt: string;
  durationMinutes: number;
}

export interface OfferProblem {
  field: string;
  message: string;
}

/**
 * Checks the slots of an offer: none to four; at least one unless an introduction or advice; each in the future and
 * inside the trip's stay; no two overlapping.
 */
export function findSlotProblem(input: {
  kind: OfferKind;
  slots: readonly ProposedSlot[];
  stay: TripStay;
  now: Date;
}): OfferProblem | null {
  const { kind, slots, stay } = input;
  if (slots.length > maxSlotsPerOffer)
    return { field: "slots", message: `An offer proposes at most ${maxSlotsPerOffer} slots` };
  if (slots.length === 0 && isSlotRequired(kind))
    return { field: "slots", message: `A ${kind.replace("_", " ")} offer proposes at least one slot` };
  const now = Temporal.Instant.fromEpochMilliseconds(input.now.getTime());
  const { startsAt: stayStart, endsAt: stayEnd } = stayInstants(stay);
  const intervals: { start: Temporal.Instant; end: Temporal.Instant }[] = [];
  for (const [index, slot] of slots.entries()) {
    const field = `slots.${index}.startsAt`;
    let start: Temporal.Instant;
    try {
      start = Temporal.Instant.from(slot.startsAt);
    } catch {
      return { field, message: "Give the start as an ISO instant with its offset" };
    }
    const end = start.add({ minutes: slot.durationMinutes });
    if (Temporal.Instant.compare(start, now) <= 0) return { field, message: "A slot must start in the future" };
    if (Temporal.Instant.compare(start, stayStart) < 0 || Temporal.Instant.compare(end, stayEnd) > 0)
      return { field, message: "A slot must lie inside the traveller's stay" };
    if (
      intervals.some(
        (other) => Temporal.Instant.compare(start, other.end) < 0 && Temporal.Instant.compare(other.start, end) < 0,
      )
    )
      return { field, message: "Two slots of one offer overlap" };
    intervals.push({ start, end });
  }
  return null;
}

/** Whether two intervals [aStart, aEnd) and [bStart, bEnd) overlap. */
export function doIntervalsOverlap(aStart: Date, aEnd: Date, bStart: Date, bEnd: Date): boolean {
  return aStart.getTime() < bEnd.getTime() && bStart.getTime() < aEnd.getTime();
}
