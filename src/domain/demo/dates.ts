import { Temporal } from "temporal-polyfill";
import type { EpochDay, IsoDate, IsoInstant } from "./types";

const dayMs = 86_400_000;

/** Epoch milliseconds of `now` given as epoch ms or as an ISO date ("2026-11-26", read as UTC midnight) or instant. */
export function parseNow(now: number | string): number {
  const ms = typeof now === "number" ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid now: ${String(now)}`);
  return ms;
}

/** The UTC epoch day of an instant in epoch ms. */
export function epochDayOf(ms: number): EpochDay {
  return Math.floor(ms / dayMs);
}

const isoDateByDay = new Map<EpochDay, IsoDate>();

/** "YYYY-MM-DD" of an epoch day (memoized: a world uses a few thousand distinct days, and shares their strings). */
export function epochDayToIsoDate(day: EpochDay): IsoDate {
  let text = isoDateByDay.get(day);
  if (text === undefined) {
    text = new Date(day * dayMs).toISOString().slice(0, 10);
    if (isoDateByDay.size < 100_000) isoDateByDay.set(day, text);
  }
  return text;
}

/** "THH:mm:00.000Z" for each minute of a day, so that instants are built without formatting a Date each time. */
const clockTexts: readonly string[] = Array.from(
  { length: 1440 },
  (_, minute) => `T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00.000Z`,
);

/** Converts local wall-clock times of a time zone to UTC instants, caching the zone's offset per day. */
export class ZonedClock {
  private readonly offsetMinutesByDay = new Map<EpochDay, number>();

  constructor(private readonly timeZone: string) {}

  /** The instant at `minutesOfDay` local time on `day`. Times are daytime, away from DST switches at night. */
  instant(day: EpochDay, minutesOfDay: number): IsoInstant {
    let offset = this.offsetMinutesByDay.get(day);
    if (offset === undefined) {
      const noon = Temporal.PlainDate.from(epochDayToIsoDate(day)).toZonedDateTime({
        timeZone: this.timeZone,
        plainTime: "12:00",
      });
      offset = noon.offsetNanoseconds / 60_000_000_000;
      this.offsetMinutesByDay.set(day, offset);
    }
    const utcMinutes = minutesOfDay - offset;
    const dayShift = Math.floor(utcMinutes / 1440);
    return epochDayToIsoDate(day + dayShift) + (clockTexts[utcMinutes - dayShift * 1440] ?? "T00:00:00.000Z");
  }
}
