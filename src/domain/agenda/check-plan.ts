import { Temporal } from "temporal-polyfill";
import type { AgendaInput } from "./exchange-format";

/**
 * An independent checker of every rule of the exchange format, written straight from its text (docs/agenda.md) and
 * sharing no code with the compiler or the solvers, so that the conformance suite can trust it as a referee.
 */
export interface PlanCheck {
  violations: string[];
  /** Sum of the chosen values (the exchange format's additive objective). */
  objective: number;
}

const earthRadius = 6371.0088;

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Item {
  label: string;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
  day: string;
  venue: string | null;
}

/** Lists every broken rule of a plan (empty when the plan is valid) and its objective. */
export function checkPlan(input: AgendaInput, chosen: readonly { id: string; start: string }[]): PlanCheck {
  const violations: string[] = [];
  const zone = input.timezone;
  const at = (local: string): Temporal.ZonedDateTime =>
    Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: "compatible" });
  const wall = (date: string, time: string): Temporal.ZonedDateTime =>
    time === "24:00"
      ? Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone: zone })
      : Temporal.PlainDate.from(date)
          .toPlainDateTime(Temporal.PlainTime.from(time))
          .toZonedDateTime(zone, { disambiguation: "compatible" });
  const before = (a: Temporal.ZonedDateTime, b: Temporal.ZonedDateTime): number =>
    Temporal.Instant.compare(a.toInstant(), b.toInstant());

  const byId = new Map(input.candidates.map((candidate) => [candidate.id, candidate]));
  const seen = new Set<string>();
  const counterparts = new Map<string, string>();
  const perDay = new Map<string, number>();
  const items: Item[] = [];
  let objective = 0;
  for (const pick of chosen) {
    const candidate = byId.get(pick.id);
    if (candidate === undefined) {
      violations.push(`${pick.id}: not a candidate`);
      continue;
    }
    if (seen.has(pick.id)) violations.push(`${pick.id}: chosen twice`);
    seen.add(pick.id);
    objective += candidate.value;
    if (!candidate.starts.includes(pick.start)) violations.push(`${pick.id}: ${pick.start} is not one of its starts`);
    const start = at(pick.start);
    const end = start.add({ minutes: candidate.duration_min });
    const date = start.toPlainDate().toString();
    const day = input.days.find((entry) => entry.date === date);
    const isInside = (day?.available ?? []).some((range) => {
      const kinds = range[2];
      return (
        before(wall(date, range[0]), start) <= 0 &&
        before(end, wall(date, range[1])) <= 0 &&
        (kinds === undefined || kinds.includes(candidate.kind))
      );
    });
    if (!isInside) violations.push(`${pick.id}: outside availability`);
    if (
      candidate.kind === "lunch" &&
      (before(start, wall(date, "12:00")) < 0 || before(end, wall(date, "14:30")) > 0)
    ) {
      violations.push(`${pick.id}: lunch outside 12:00–14:30`);
    }
    if (
      candidate.kind === "dinner" &&
      (before(start, wall(date, "19:00")) < 0 || before(end, wall(date, "23:00")) > 0)
    ) {
      violations.push(`${pick.id}: dinner outside 19:00–23:00`);
    }
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
    if (candidate.counterpart !== null) {
      const other = counterparts.get(candidate.counterpart);
      if (other !== undefined) violations.push(`${pick.id}: meets ${candidate.counterpart} again (also ${other})`);
      counterparts.set(candidate.counterpart, pick.id);
    }
    items.push({ label: pick.id, start, end, day: date, venue: candidate.venue });
  }
  for (const [date, count] of perDay)
    if (count > input.max_per_day) violations.push(`${date}: ${count} meetings, more than ${input.max_per_day}`);
  for (const candidate of input.candidates)
    if (candidate.locked === true && !seen.has(candidate.id)) violations.push(`${candidate.id}: locked but not chosen`);

  const chosenCount = items.length;
  for (const item of input.fixed) {
    const start = at(item.start);
    items.push({ label: item.id, start, end: at(item.end), day: start.toPlainDate().toString(), venue: item.venue });
  }
  for (let i = 0; i < chosenCount; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as Item;
      const b = items[j] as Item;
      if (before(a.start, b.end) < 0 && before(b.start, a.end) < 0) {
        violations.push(`${a.label} overlaps ${b.label}`);
        continue;
      }
      if (a.day !== b.day || a.venue === null || b.venue === null || a.venue === b.venue) continue;
      const [first, second] = before(a.start, b.start) <= 0 ? [a, b] : [b, a];
      const gap = (second.start.epochMilliseconds - first.end.epochMilliseconds) / 60_000;
      const from = input.venues[a.venue];
      const to = input.venues[b.venue];
      if (from === undefined || to === undefined) continue;
      const needed = Math.max(
        input.travel.min_buffer_min,
        Math.ceil((distanceKm(from, to) / input.travel.speed_kmh) * 60),
      );
      if (gap < needed) violations.push(`${first.label} → ${second.label}: ${gap} min to travel, ${needed} needed`);
    }
  }
  return { violations, objective };
}
