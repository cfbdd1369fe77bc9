import { describe, expect, it } from "vitest";
import { epochDayOf, epochDayToIsoDate, parseNow, ZonedClock } from "./dates";

describe("demo dates", () => {
  it("reads now as epoch ms, ISO date or ISO instant", () => {
    expect(parseNow("2026-11-26")).toBe(Date.UTC(2026, 10, 26));
    expect(parseNow("2026-11-26T12:00:00Z")).toBe(Date.UTC(2026, 10, 26, 12));
    expect(parseNow(0)).toBe(0);
    expect(() => parseNow("not a date")).toThrow(RangeError);
  });

  it("converts epoch days to ISO dates", () => {
    expect(epochDayToIsoDate(0)).toBe("1970-01-01");
    expect(epochDayToIsoDate(epochDayOf(Date.UTC(2026, 10, 26, 23, 59)))).toBe("2026-11-26");
  });

  it("turns local wall-clock times into UTC instants across DST and midnight", () => {
    const miami = new ZonedClock("America/New_York");
    const toulouse = new ZonedClock("Europe/Paris");
    const day = (iso: string): number => epochDayOf(Date.parse(`${iso}T00:00:00Z`));
    // US daylight time starts on 8 March 2026, the European one on 29 March: for three weeks the gap is 5 hours.
    expect(miami.instant(day("2026-03-14"), 22 * 60)).toBe("2026-03-15T02:00:00.000Z");
    expect(toulouse.instant(day("2026-03-14"), 22 * 60)).toBe("2026-03-14T21:00:00.000Z");
    expect(miami.instant(day("2026-11-26"), 8 * 60 + 30)).toBe("2026-11-26T13:30:00.000Z");
    expect(toulouse.instant(day("2026-07-01"), 30)).toBe("2026-06-30T22:30:00.000Z");
  });
});
