import type { AgendaKind } from "./agenda-kind";
import type { EpochMinutes } from "./wall-clock";

/**
 * The compiled agenda: every time is an integer of epoch minutes and every id an index, so the solvers never touch
 * calendars or strings. Built once by compileAgenda; never mutated afterwards.
 */
export interface ModelVenue {
  id: string;
  lat: number;
  lon: number;
}

export interface ModelAvailability {
  start: EpochMinutes;
  end: EpochMinutes;
  /** Kinds allowed in this range, or null for any kind. */
  kinds: readonly AgendaKind[] | null;
}

export interface ModelDay {
  date: string;
  /** Days since 1970-01-01 of the local date: items are on the same day when their keys are equal. */
  key: number;
  available: readonly ModelAvailability[];
}

export interface ModelFixed {
  id: string;
  start: EpochMinutes;
  end: EpochMinutes;
  dayKey: number;
  /** Index into venues, or -1. */
  venue: number;
}

export interface ModelCandidate {
  id: string;
  /** Index into counterparts, or -1. */
  counterpart: number;
  kind: AgendaKind;
  value: number;
  durationMinutes: number;
  venue: number;
  starts: readonly EpochMinutes[];
  isLocked: boolean;
  /** Index into communities, or -1 (the exchange format has none: its objective is additive). */
  community: number;
}

/** One way to hold a candidate: one of its starts that passes every rule that does not depend on other choices. */
export interface Placement {
  candidate: number;
  startIndex: number;
  start: EpochMinutes;
  end: EpochMinutes;
  /** Index into days. */
  day: number;
  dayKey: number;
  venue: number;
}

/** Why a proposed start cannot be used whatever else is chosen. */
export type StartRejection =
  | { code: "outside_trip" }
  | { code: "outside_availability" }
  | { code: "kind_not_allowed" }
  | { code: "meal_window"; kind: "lunch" | "dinner" }
  | { code: "fixed_overlap"; fixed: number }
  | { code: "fixed_travel"; fixed: number };

export interface AgendaModel {
  timeZone: string;
  days: readonly ModelDay[];
  maxPerDay: number;
  venues: readonly ModelVenue[];
  /** travelMinutes[a * venues.length + b]: the buffer between venues a ≠ b, 0 on the diagonal. */
  travelMinutes: Int32Array;
  /** The largest buffer between any two venues: no conflict lies further apart than this. */
  maxTravelMinutes: number;
  fixed: readonly ModelFixed[];
  candidates: readonly ModelCandidate[];
  counterparts: readonly string[];
  communities: readonly string[];
  /** Worth of a second, third… chosen candidate of the same community, as a fraction of its value. */
  communityDecay: number;
  placements: readonly Placement[];
  placementsOfCandidate: readonly (readonly number[])[];
  /** Per candidate, per start: null when the start gave a placement, else why not. */
  rejections: readonly (readonly (StartRejection | null)[])[];
  /** Pairs of placements of different candidates that cannot both be chosen (overlap or travel), as CSR. */
  conflictOffsets: Int32Array;
  conflictTargets: Int32Array;
}

/** The part of the model that travel buffers need. */
export type TravelTable = Pick<AgendaModel, "venues" | "travelMinutes">;

/** The buffer needed between two items at venues a and b (-1 = no venue), or 0 when none is needed. */
export function bufferBetween(model: TravelTable, a: number, b: number): number {
  if (a < 0 || b < 0 || a === b) return 0;
  return model.travelMinutes[a * model.venues.length + b] ?? 0;
}

/** True when two timed items at venues cannot both be held: they overlap, or leave too little time to travel. */
export function itemsClash(
  model: TravelTable,
  first: { start: number; end: number; dayKey: number; venue: number },
  second: { start: number; end: number; dayKey: number; venue: number },
): boolean {
  if (first.start < second.end && second.start < first.end) return true;
  if (first.dayKey !== second.dayKey) return false;
  const buffer = bufferBetween(model, first.venue, second.venue);
  if (buffer === 0) return false;
  const gap = first.start <= second.start ? second.start - first.end : first.start - second.end;
  return gap < buffer;
}
