import { Temporal } from "temporal-polyfill";
import type { AgendaModel, Placement, StartRejection } from "./agenda-model";
import { itemsClash } from "./agenda-model";
import { dinnerWindow, lunchWindow } from "./compile-agenda";
import { epochMinutesToLocal, wallTimeToEpochMinutes } from "./wall-clock";

/**
 * Why each candidate was left out, as a code with parameters (for the app to translate) and an English sentence,
 * with a start the traveller could propose instead when one fits the chosen plan.
 */
export type ReasonCode =
  | "overlaps"
  | "travel"
  | "day_full"
  | "same_counterpart"
  | "outside_trip"
  | "outside_availability"
  | "kind_not_allowed"
  | "meal_window"
  | "fixed_overlap"
  | "fixed_travel"
  | "no_starts"
  | "lower_value"
  | "locked_impossible"
  | "locked_clash"
  | "locked_conflict"
  | "infeasible";

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
  text: string;
}

export interface Explanation {
  candidate: number;
  reason: Reason;
  /** A 15-minute-aligned local start ("YYYY-MM-DDTHH:MM") that fits the chosen plan, or null. */
  alternative: string | null;
}

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function weekdayOf(date: string): string {
  return weekdays[Temporal.PlainDate.from(date).dayOfWeek - 1] ?? date;
}

function describe(model: AgendaModel, candidate: number): string {
  const item = model.candidates[candidate];
  if (item === undefined) return "an item";
  const counterpart = model.counterparts[item.counterpart];
  return counterpart === undefined ? `${item.kind} ${item.id}` : `${item.kind} with ${counterpart}`;
}

/** The reason a start cannot be used on its own (availability, kinds, meal windows, fixed commitments). */
export function rejectionReason(model: AgendaModel, candidate: number, rejection: StartRejection): Reason {
  const kind = model.candidates[candidate]?.kind ?? "other";
  switch (rejection.code) {
    case "outside_trip":
      return { code: "outside_trip", params: {}, text: "not during your trip" };
    case "outside_availability":
      return { code: "outside_availability", params: {}, text: "outside your availability" };
    case "kind_not_allowed":
      return { code: "kind_not_allowed", params: { kind }, text: `outside the times you keep for a ${kind}` };
    case "meal_window": {
      const [from, to] = rejection.kind === "lunch" ? lunchWindow : dinnerWindow;
      return {
        code: "meal_window",
        params: { kind: rejection.kind, from, to },
        text: `a ${rejection.kind} must fit between ${from} and ${to}`,
      };
    }
    case "fixed_overlap": {
      const fixed = model.fixed[rejection.fixed]?.id ?? "";
      return { code: "fixed_overlap", params: { fixed }, text: `overlaps your commitment ${fixed}` };
    }
    case "fixed_travel": {
      const item = model.fixed[rejection.fixed];
      const venue = model.venues[item?.venue ?? -1]?.id ?? "";
      return {
        code: "fixed_travel",
        params: { fixed: item?.id ?? "", venue },
        text: `not enough time to get there from ${venue} (${item?.id ?? ""})`,
      };
    }
  }
}

/** What keeps one placement out of the chosen plan, most telling first. */
function blockersOf(model: AgendaModel, placement: Placement, chosen: readonly Placement[]): Reason[] {
  const reasons: Reason[] = [];
  const candidate = model.candidates[placement.candidate];
  if (candidate === undefined) return reasons;
  for (const other of chosen) {
    const otherCandidate = model.candidates[other.candidate];
    if (otherCandidate === undefined) continue;
    if (candidate.counterpart >= 0 && otherCandidate.counterpart === candidate.counterpart) {
      const counterpart = model.counterparts[candidate.counterpart] ?? "";
      reasons.push({
        code: "same_counterpart",
        params: { counterpart, with: otherCandidate.id },
        text: `you already meet ${counterpart} (${otherCandidate.kind})`,
      });
    }
  }
  for (const other of chosen) {
    const otherCandidate = model.candidates[other.candidate];
    if (otherCandidate === undefined || !itemsClash(model, placement, other)) continue;
    const isWorthMore = otherCandidate.value >= candidate.value ? 1 : 0;
    const what = describe(model, other.candidate);
    if (placement.start < other.end && other.start < placement.end) {
      reasons.push({
        code: "overlaps",
        params: {
          with: otherCandidate.id,
          kind: otherCandidate.kind,
          counterpart: model.counterparts[otherCandidate.counterpart] ?? "",
          worthMore: isWorthMore,
        },
        text: `overlaps ${what}${isWorthMore ? ", worth more" : ""}`,
      });
    } else {
      const venue = model.venues[other.venue]?.id ?? "";
      const isAfter = other.start < placement.start;
      reasons.push({
        code: "travel",
        params: { with: otherCandidate.id, venue, direction: isAfter ? "from" : "to" },
        text: `not enough time to get there ${isAfter ? "from" : "before going to"} ${venue} (${what})`,
      });
    }
  }
  const sameDay = chosen.filter((other) => other.day === placement.day).length;
  if (sameDay >= model.maxPerDay) {
    const date = model.days[placement.day]?.date ?? "";
    reasons.push({ code: "day_full", params: { date, max: model.maxPerDay }, text: `your ${weekdayOf(date)} is full` });
  }
  return reasons;
}

/**
 * Explains every candidate that the plan leaves out. `chosen` must be a feasible plan (placement indices).
 */
export function explainUnscheduled(model: AgendaModel, chosenPlacements: readonly number[]): Explanation[] {
  const chosen = chosenPlacements
    .map((index) => model.placements[index])
    .filter((placement): placement is Placement => placement !== undefined);
  const held = new Set(chosen.map((placement) => placement.candidate));
  const slots = new SlotGrid(model);
  const explanations: Explanation[] = [];
  model.candidates.forEach((candidate, index) => {
    if (held.has(index)) return;
    const own = model.placementsOfCandidate[index] ?? [];
    let reason: Reason | undefined;
    let fewest = Infinity;
    for (const placementIndex of own) {
      const placement = model.placements[placementIndex];
      if (placement === undefined) continue;
      const blockers = blockersOf(model, placement, chosen);
      if (blockers.length < fewest && blockers[0] !== undefined) {
        fewest = blockers.length;
        reason = blockers[0];
      }
    }
    if (reason === undefined) {
      const rejection = (model.rejections[index] ?? []).find((entry): entry is StartRejection => entry !== null);
      reason =
        rejection !== undefined
          ? rejectionReason(model, index, rejection)
          : candidate.starts.length === 0
            ? { code: "no_starts", params: {}, text: "no proposed time" }
            : { code: "lower_value", params: {}, text: "left out for a more valuable week" };
    }
    explanations.push({ candidate: index, reason, alternative: slots.alternativeFor(index, chosen) });
  });
  return explanations;
}

/** The 15-minute-aligned local starts and the meal windows of each trip day, converted once. */
class SlotGrid {
  private readonly days: { local: string; start: number }[][];
  private readonly meals: { lunch: { start: number; end: number }; dinner: { start: number; end: number } }[];

  constructor(private readonly model: AgendaModel) {
    const clockOf = (minute: number): string =>
      `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
    this.days = model.days.map((day) => {
      const midnight = wallTimeToEpochMinutes(day.date, "00:00", model.timeZone);
      const isPlainDay = wallTimeToEpochMinutes(day.date, "24:00", model.timeZone) - midnight === 24 * 60;
      const slots: { local: string; start: number }[] = [];
      const seen = new Set<number>();
      for (let minute = 0; minute < 24 * 60; minute += 15) {
        const local = `${day.date}T${clockOf(minute)}`;
        // Days without a daylight-saving change are plain arithmetic; the others go through Temporal, and a wall
        // time skipped by the jump (resolved onto another slot) is not offered.
        if (isPlainDay) {
          slots.push({ local, start: midnight + minute });
          continue;
        }
        const start = wallTimeToEpochMinutes(day.date, clockOf(minute), model.timeZone);
        if (seen.has(start) || epochMinutesToLocal(start, model.timeZone) !== local) continue;
        seen.add(start);
        slots.push({ local, start });
      }
      return slots;
    });
    this.meals = model.days.map((day) => ({
      lunch: {
        start: wallTimeToEpochMinutes(day.date, lunchWindow[0], model.timeZone),
        end: wallTimeToEpochMinutes(day.date, lunchWindow[1], model.timeZone),
      },
      dinner: {
        start: wallTimeToEpochMinutes(day.date, dinnerWindow[0], model.timeZone),
        end: wallTimeToEpochMinutes(day.date, dinnerWindow[1], model.timeZone),
      },
    }));
  }

  /** The fitting start nearest to the candidate's first proposed one, or null. */
  alternativeFor(candidateIndex: number, chosen: readonly Placement[]): string | null {
    const { model } = this;
    const candidate = model.candidates[candidateIndex];
    if (candidate === undefined) return null;
    if (
      candidate.counterpart >= 0 &&
      chosen.some((other) => model.candidates[other.candidate]?.counterpart === candidate.counterpart)
    )
      return null;
    const target = candidate.starts[0] ?? 0;
    let best: { local: string; distance: number } | null = null;
    this.days.forEach((slots, dayIndex) => {
      const day = model.days[dayIndex];
      if (day === undefined || chosen.filter((other) => other.day === dayIndex).length >= model.maxPerDay) return;
      const meals = this.meals[dayIndex];
      const window =
        candidate.kind === "lunch"
          ? (meals?.lunch ?? null)
          : candidate.kind === "dinner"
            ? (meals?.dinner ?? null)
            : null;
      for (const slot of slots) {
        const end = slot.start + candidate.durationMinutes;
        const distance = Math.abs(slot.start - target);
        if (best !== null && distance >= best.distance) continue;
        if (window !== null && (slot.start < window.start || end > window.end)) continue;
        if (
          !day.available.some(
            (range) =>
              range.start <= slot.start &&
              end <= range.end &&
              (range.kinds === null || range.kinds.includes(candidate.kind)),
          )
        )
          continue;
        const item = { start: slot.start, end, dayKey: day.key, venue: candidate.venue };
        if (model.fixed.some((fixed) => itemsClash(model, item, fixed))) continue;
        if (chosen.some((other) => itemsClash(model, item, other))) continue;
        best = { local: slot.local, distance };
      }
    });
    return (best as { local: string } | null)?.local ?? null;
  }
}
