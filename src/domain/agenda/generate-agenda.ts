import { Temporal } from "temporal-polyfill";
import { createRng } from "../random";
import type { AgendaKind } from "./agenda-kind";
import type { AgendaInput } from "./exchange-format";

/**
 * A seeded generator of realistic weeks (Miami, 15-minute starts, meals in their windows, events, venues across the
 * city, counterparts with several offers), for benchmarks and solver cross-checks. Same seed, same instance.
 */
export interface GenerateOptions {
  candidates: number;
  seed: number | string;
  firstDate?: string;
  days?: number;
  timezone?: string;
  maxPerDay?: number;
  /** Share of candidates that are locked (they may make the instance infeasible). */
  lockedShare?: number;
  fixedCount?: number;
}

const kindTable: readonly {
  kind: AgendaKind;
  share: number;
  durations: readonly number[];
  from: string;
  to: string;
}[] = [
  { kind: "coffee", share: 0.35, durations: [30, 45, 60], from: "08:00", to: "18:00" },
  { kind: "lunch", share: 0.2, durations: [60, 75, 90], from: "12:00", to: "13:15" },
  { kind: "dinner", share: 0.12, durations: [90, 120], from: "19:00", to: "20:45" },
  { kind: "visit", share: 0.12, durations: [60, 90, 120], from: "09:00", to: "17:00" },
  { kind: "event", share: 0.11, durations: [90, 120, 180], from: "17:30", to: "20:00" },
  { kind: "other", share: 0.1, durations: [30, 45, 60], from: "09:00", to: "18:00" },
];

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function minutesOf(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** Builds one exchange-format instance; deterministic in its options. */
export function generateAgenda(options: GenerateOptions): AgendaInput {
  const rng = createRng(options.seed);
  const dayCount = options.days ?? 7;
  const first = Temporal.PlainDate.from(options.firstDate ?? "2026-03-02");
  const dates = Array.from({ length: dayCount }, (_, index) => first.add({ days: index }).toString());
  const venueCount = Math.min(80, Math.max(6, Math.round(options.candidates / 5)));
  const venues: AgendaInput["venues"] = {};
  for (let index = 0; index < venueCount; index++) {
    venues[`v${index}`] = { lat: 25.7 + rng.next() * 0.15, lon: -80.3 + rng.next() * 0.17 };
  }
  const venueIds = Object.keys(venues);
  const days = dates.map((date) => {
    const morning = 7 * 60 + 15 * rng.int(8);
    const evening = 22 * 60 + 15 * rng.int(5);
    const available: AgendaInput["days"][number]["available"] =
      rng.next() < 0.3
        ? [
            [clockText(morning), "15:00"],
            ["15:00", "18:00", ["coffee", "visit", "other"]],
            ["18:00", clockText(evening)],
          ]
        : [[clockText(morning), clockText(evening)]];
    return { date, available };
  });
  const fixed: AgendaInput["fixed"] = [];
  for (let index = 0; index < (options.fixedCount ?? 3); index++) {
    const start = 9 * 60 + 15 * rng.int(32);
    const date = rng.pick(dates);
    const end = start + 60 + 30 * rng.int(3);
    fixed.push({
      id: `busy${index}`,
      start: `${date}T${clockText(start)}`,
      end: `${date}T${clockText(end)}`,
      venue: rng.next() < 0.5 ? rng.pick(venueIds) : null,
    });
  }
  const counterpartCount = Math.max(1, Math.round(options.candidates * 0.75));
  const candidates: AgendaInput["candidates"] = [];
  for (let index = 0; index < options.candidates; index++) {
    let draw = rng.next();
    const entry = kindTable.find((row) => (draw -= row.share) < 0) ?? kindTable[0];
    if (entry === undefined) break;
    const duration = rng.pick(entry.durations);
    const latest = minutesOf(entry.to);
    const startCount = 1 + rng.int(4);
    const starts = new Set<string>();
    for (let k = 0; k < startCount; k++) {
      const from = minutesOf(entry.from);
      const slot = from + 15 * rng.int(Math.floor((latest - from) / 15) + 1);
      starts.add(`${rng.pick(dates)}T${clockText(slot)}`);
    }
    const base =
      entry.kind === "event"
        ? 30 + rng.int(60)
        : entry.kind === "dinner" || entry.kind === "lunch"
          ? 15 + rng.int(50)
          : 5 + rng.int(45);
    candidates.push({
      id: `c${index}`,
      counterpart: entry.kind === "event" ? null : `local${rng.int(counterpartCount)}`,
      kind: entry.kind,
      value: base,
      duration_min: duration,
      venue: rng.next() < 0.05 ? null : rng.pick(venueIds),
      starts: [...starts].sort(),
      ...(rng.next() < (options.lockedShare ?? 0) ? { locked: true } : {}),
    });
  }
  return {
    timezone: options.timezone ?? "America/New_York",
    days,
    max_per_day: options.maxPerDay ?? 5,
    travel: { speed_kmh: 25, min_buffer_min: 10 },
    venues,
    fixed,
    candidates,
  };
}
