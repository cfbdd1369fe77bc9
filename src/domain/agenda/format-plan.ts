import { Temporal } from "temporal-polyfill";
import type { AgendaInput, AgendaOutput } from "./exchange-format";

/** A plan as a person reads it: day by day, then what was left out and why, for the CLI without --json. */
export function formatPlan(input: AgendaInput, output: AgendaOutput): string {
  const lines: string[] = [];
  const percent = output.gap === null ? "" : `, gap ${(output.gap * 100).toFixed(2)} %`;
  lines.push(
    output.status === "infeasible"
      ? `No agenda: the locked items cannot all be held (${output.solver}, ${output.time_ms} ms)`
      : `Agenda: ${output.status} (${output.solver}), value ${round(output.objective)}, bound ${round(output.bound)}${percent}, ${output.time_ms} ms`,
  );
  const byId = new Map(input.candidates.map((candidate) => [candidate.id, candidate]));
  const byDay = new Map<string, string[]>();
  for (const pick of output.chosen) {
    const candidate = byId.get(pick.id);
    if (candidate === undefined) continue;
    const start = Temporal.PlainDateTime.from(pick.start).toZonedDateTime(input.timezone, {
      disambiguation: "compatible",
    });
    const end = start.add({ minutes: candidate.duration_min });
    const date = start.toPlainDate().toString();
    const who = candidate.counterpart === null ? "" : ` with ${candidate.counterpart}`;
    const where = candidate.venue === null ? "" : ` @ ${candidate.venue}`;
    const line = `  ${clock(start)}–${clock(end)}  ${candidate.kind.padEnd(6)} ${candidate.id}${who}${where}  (${candidate.value})`;
    byDay.set(date, [...(byDay.get(date) ?? []), line]);
  }
  for (const day of input.days) {
    const entries = byDay.get(day.date);
    if (entries === undefined) continue;
    lines.push(
      `${Temporal.PlainDate.from(day.date).toLocaleString("en-US", { weekday: "long" })} ${day.date}`,
      ...entries,
    );
  }
  if (output.unscheduled.length > 0) {
    lines.push(`Left out (${output.unscheduled.length}):`);
    for (const entry of output.unscheduled) {
      lines.push(
        `  ${entry.id}: ${entry.reason}${entry.alternative === null ? "" : ` — could be ${entry.alternative}`}`,
      );
    }
  }
  return lines.join("\n");
}

function clock(time: Temporal.ZonedDateTime): string {
  return time.toPlainTime().toString({ smallestUnit: "minute" });
}

function round(value: number | null): string {
  return value === null ? "–" : String(Math.round(value * 100) / 100);
}
