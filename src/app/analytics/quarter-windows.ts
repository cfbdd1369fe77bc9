/** Calendar quarters (UTC) as trend windows, the last one running up to `now`. */
import { Temporal } from "temporal-polyfill";
import type { TrendWindow } from "../../domain/network/city-report";

/** The last `count` quarters up to `now`, oldest first, labelled "2026-Q4"; the current quarter ends at `now`. */
export function quarterWindows(now: Date, count: number): TrendWindow[] {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO("UTC").toPlainDate();
  const currentStart = Temporal.PlainDate.from({
    year: today.year,
    month: today.month - ((today.month - 1) % 3),
    day: 1,
  });
  const epochMs = (date: Temporal.PlainDate): number => Date.UTC(date.year, date.month - 1, date.day);
  const windows: TrendWindow[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const start = currentStart.subtract({ months: 3 * back });
    const next = start.add({ months: 3 });
    windows.push({
      label: `${start.year}-Q${(start.month - 1) / 3 + 1}`,
      start: epochMs(start),
      end: back === 0 ? now.getTime() : epochMs(next) - 1,
    });
  }
  return windows;
}
