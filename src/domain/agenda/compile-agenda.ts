import { Temporal } from "temporal-polyfill";
import type { AgendaInput } from "./exchange-format";
import type { AgendaModel, ModelCandidate, ModelDay, ModelFixed, Placement, StartRejection } from "./agenda-model";
import { itemsClash } from "./agenda-model";
import { travelBufferMinutes } from "./travel";
import { localDateTimeToEpochMinutes, wallTimeToEpochMinutes } from "./wall-clock";

/** Meal windows of the exchange format, in local wall-clock time of the item's day. */
export const lunchWindow = ["12:00", "14:30"] as const;
export const dinnerWindow = ["19:00", "23:00"] as const;

export interface CompileOptions {
  /** Community of each candidate id (the app's model; the exchange format has none). */
  communities?: ReadonlyMap<string, string>;
  /** Worth of each further meeting in a community already met, as a fraction of its value; 1 = additive. */
  communityDecay?: number;
}

function epochDay(date: string): number {
  return Temporal.PlainDate.from(date).since("1970-01-01", { largestUnit: "days" }).days;
}

/**
 * Turns a validated exchange input into the integer model: converts every wall time once (Temporal, "compatible"
 * disambiguation), drops the starts that break a rule on their own (availability, kinds, meal windows, fixed
 * commitments) while remembering why, and precomputes which placements clash with each other.
 */
export function compileAgenda(input: AgendaInput, options: CompileOptions = {}): AgendaModel {
  const timeZone = input.timezone;
  const localCache = new Map<string, number>();
  const toMinutes = (local: string): number => {
    let minutes = localCache.get(local);
    if (minutes === undefined) {
      minutes = localDateTimeToEpochMinutes(local, timeZone);
      localCache.set(local, minutes);
    }
    return minutes;
  };
  const dayKeyCache = new Map<number, number>();
  // Local midnights of the trip days (Temporal's start of day, right on daylight-saving days): most instants fall in
  // one of them, and only the others need a Temporal conversion.
  const dayBounds = input.days.map((day) => {
    const date = Temporal.PlainDate.from(day.date);
    const start = Math.floor(date.toZonedDateTime({ timeZone }).epochMilliseconds / 60_000);
    const end = Math.floor(date.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds / 60_000);
    return { start, end, key: epochDay(day.date) };
  });
  const dayKeyOf = (minutes: number): number => {
    for (const bound of dayBounds) if (bound.start <= minutes && minutes < bound.end) return bound.key;
    let key = dayKeyCache.get(minutes);
    if (key === undefined) {
      const date = Temporal.Instant.fromEpochMilliseconds(minutes * 60_000)
        .toZonedDateTimeISO(timeZone)
        .toPlainDate();
      key = epochDay(date.toString());
      dayKeyCache.set(minutes, key);
    }
    return key;
  };

  const venueIds = Object.keys(input.venues);
  const venueIndex = new Map(venueIds.map((id, index) => [id, index]));
  const venues = venueIds.map((id) => ({ id, lat: input.venues[id]?.lat ?? 0, lon: input.venues[id]?.lon ?? 0 }));
  const travelMinutes = new Int32Array(venues.length * venues.length);
  let maxTravelMinutes = 0;
  venues.forEach((a, i) =>
    venues.forEach((b, j) => {
      if (i === j) return;
      const minutes = travelBufferMinutes(a, b, input.travel.speed_kmh, input.travel.min_buffer_min);
      travelMinutes[i * venues.length + j] = minutes;
      maxTravelMinutes = Math.max(maxTravelMinutes, minutes);
    }),
  );
  const travelTable = { venues, travelMinutes };
  const venueOf = (id: string | null): number => (id === null ? -1 : (venueIndex.get(id) ?? -1));

  const days: ModelDay[] = input.days.map((day) => ({
    date: day.date,
    key: epochDay(day.date),
    available: day.available.map((range) => ({
      start: wallTimeToEpochMinutes(day.date, range[0], timeZone),
      end: wallTimeToEpochMinutes(day.date, range[1], timeZone),
      kinds: range[2] ?? null,
    })),
  }));
  const dayByKey = new Map(days.map((day, index) => [day.key, index]));

  const fixed: ModelFixed[] = input.fixed.map((item) => {
    const start = toMinutes(item.start);
    return { id: item.id, start, end: toMinutes(item.end), dayKey: dayKeyOf(start), venue: venueOf(item.venue) };
  });

  const counterparts: string[] = [];
  const counterpartIndex = new Map<string, number>();
  const communities: string[] = [];
  const communityIndex = new Map<string, number>();
  const indexOf = (name: string, list: string[], index: Map<string, number>): number => {
    let found = index.get(name);
    if (found === undefined) {
      found = list.length;
      list.push(name);
      index.set(name, found);
    }
    return found;
  };

  const mealCache = new Map<string, { start: number; end: number }>();
  const mealWindow = (dayIndex: number, kind: "lunch" | "dinner"): { start: number; end: number } => {
    const key = `${dayIndex}/${kind}`;
    let window = mealCache.get(key);
    if (window === undefined) {
      const date = days[dayIndex]?.date ?? "1970-01-01";
      const [from, to] = kind === "lunch" ? lunchWindow : dinnerWindow;
      window = { start: wallTimeToEpochMinutes(date, from, timeZone), end: wallTimeToEpochMinutes(date, to, timeZone) };
      mealCache.set(key, window);
    }
    return window;
  };

  const candidates: ModelCandidate[] = [];
  const placements: Placement[] = [];
  const placementsOfCandidate: number[][] = [];
  const rejections: (StartRejection | null)[][] = [];
  input.candidates.forEach((raw, candidateIndex) => {
    const community = options.communities?.get(raw.id);
    const candidate: ModelCandidate = {
      id: raw.id,
      counterpart: raw.counterpart === null ? -1 : indexOf(raw.counterpart, counterparts, counterpartIndex),
      kind: raw.kind,
      value: raw.value,
      durationMinutes: raw.duration_min,
      venue: venueOf(raw.venue),
      starts: raw.starts.map(toMinutes),
      isLocked: raw.locked === true,
      community: community === undefined ? -1 : indexOf(community, communities, communityIndex),
    };
    candidates.push(candidate);
    const own: number[] = [];
    const reasons: (StartRejection | null)[] = [];
    candidate.starts.forEach((start, startIndex) => {
      const end = start + candidate.durationMinutes;
      const dayKey = dayKeyOf(start);
      const day = dayByKey.get(dayKey);
      const rejection = rejectStart(candidate, start, end, dayKey, day);
      reasons.push(rejection);
      if (rejection === null && day !== undefined) {
        own.push(placements.length);
        placements.push({ candidate: candidateIndex, startIndex, start, end, day, dayKey, venue: candidate.venue });
      }
    });
    placementsOfCandidate.push(own);
    rejections.push(reasons);
  });

  function rejectStart(
    candidate: ModelCandidate,
    start: number,
    end: number,
    dayKey: number,
    day: number | undefined,
  ): StartRejection | null {
    if (day === undefined) return { code: "outside_trip" };
    const ranges = days[day]?.available ?? [];
    const inside = ranges.filter((range) => range.start <= start && end <= range.end);
    if (inside.length === 0) return { code: "outside_availability" };
    if (!inside.some((range) => range.kinds === null || range.kinds.includes(candidate.kind)))
      return { code: "kind_not_allowed" };
    if (candidate.kind === "lunch" || candidate.kind === "dinner") {
      const window = mealWindow(day, candidate.kind);
      if (start < window.start || end > window.end) return { code: "meal_window", kind: candidate.kind };
    }
    for (let index = 0; index < fixed.length; index++) {
      const item = fixed[index];
      if (item === undefined) continue;
      if (item.start < end && start < item.end) return { code: "fixed_overlap", fixed: index };
    }
    for (let index = 0; index < fixed.length; index++) {
      const item = fixed[index];
      if (item !== undefined && itemsClash(travelTable, { start, end, dayKey, venue: candidate.venue }, item)) {
        return { code: "fixed_travel", fixed: index };
      }
    }
    return null;
  }

  const partial: AgendaModel = {
    timeZone,
    days,
    maxPerDay: input.max_per_day,
    venues,
    travelMinutes,
    maxTravelMinutes,
    fixed,
    candidates,
    counterparts,
    communities,
    communityDecay: options.communityDecay ?? 1,
    placements,
    placementsOfCandidate,
    rejections,
    conflictOffsets: new Int32Array(1),
    conflictTargets: new Int32Array(0),
  };
  return { ...partial, ...buildConflicts(partial) };
}

/** Every clashing pair of placements of different candidates, found by a sweep over start times. */
function buildConflicts(model: AgendaModel): { conflictOffsets: Int32Array; conflictTargets: Int32Array } {
  const { placements } = model;
  const order = placements
    .map((_, index) => index)
    .sort((a, b) => (placements[a]?.start ?? 0) - (placements[b]?.start ?? 0));
  const neighbours: number[][] = placements.map(() => []);
  for (let i = 0; i < order.length; i++) {
    const p = order[i] as number;
    const first = placements[p] as Placement;
    for (let j = i + 1; j < order.length; j++) {
      const q = order[j] as number;
      const second = placements[q] as Placement;
      if (second.start >= first.end + model.maxTravelMinutes) break;
      if (first.candidate !== second.candidate && itemsClash(model, first, second)) {
        neighbours[p]?.push(q);
        neighbours[q]?.push(p);
      }
    }
  }
  const conflictOffsets = new Int32Array(placements.length + 1);
  neighbours.forEach((list, index) => (conflictOffsets[index + 1] = (conflictOffsets[index] ?? 0) + list.length));
  const conflictTargets = new Int32Array(conflictOffsets[placements.length] ?? 0);
  neighbours.forEach((list, index) => conflictTargets.set(list, conflictOffsets[index] ?? 0));
  return { conflictOffsets, conflictTargets };
}
