import { describe, expect, it } from "vitest";
import { compileAgenda } from "./compile-agenda";
import { solveAgenda } from "./solve-agenda";
import { baseInput } from "./solver-conformance.case";
import { epochMinutesToLocal, localDateTimeToEpochMinutes } from "./wall-clock";

/** A traveller from Toulouse (Europe/Paris) in Miami (America/New_York), across both daylight-saving switches. */
describe("agenda times across daylight-saving changes", () => {
  it("resolves the Miami hour that does not exist (8 March 2026, 02:00–03:00) to the later wall time", () => {
    const minutes = localDateTimeToEpochMinutes("2026-03-08T02:30", "America/New_York");
    expect(epochMinutesToLocal(minutes, "America/New_York")).toBe("2026-03-08T03:30");
    expect(minutes - localDateTimeToEpochMinutes("2026-03-08T01:30", "America/New_York")).toBe(60);
  });

  it("resolves the Miami hour that happens twice (1 November 2026, 01:00–02:00) to its first occurrence", () => {
    const twice = localDateTimeToEpochMinutes("2026-11-01T01:30", "America/New_York");
    expect(localDateTimeToEpochMinutes("2026-11-01T02:00", "America/New_York") - twice).toBe(90);
    expect(twice - localDateTimeToEpochMinutes("2026-11-01T00:30", "America/New_York")).toBe(60);
  });

  it("ends an item duration_min elapsed minutes after its start across a switch", () => {
    const input = baseInput({
      days: [{ date: "2026-11-01", available: [["00:00", "02:00"]] }],
      candidates: [
        {
          id: "late",
          counterpart: null,
          kind: "other",
          value: 1,
          duration_min: 60,
          venue: null,
          starts: ["2026-11-01T01:30"],
        },
      ],
    });
    // 01:30 EDT + 60 min = 01:30 EST, still before the wall-clock 02:00 EST that closes the range.
    const model = compileAgenda(input);
    expect(model.placements).toHaveLength(1);
    expect((model.placements[0]?.end ?? 0) - (model.placements[0]?.start ?? 0)).toBe(60);
  });

  it("keeps Toulouse commitments in their own zone: a fixed call at 15:00 Paris is 10:00 in Miami before the US switch only", () => {
    // 2026-03-10: Miami is on EDT (UTC−4), Paris still on CET (UTC+1): 15:00 Paris = 10:00 Miami.
    // 2026-03-31: Paris on CEST (UTC+2): 15:00 Paris = 09:00 Miami. The app converts; the file holds Miami time.
    const paris = (local: string): number => localDateTimeToEpochMinutes(local, "Europe/Paris");
    expect(epochMinutesToLocal(paris("2026-03-10T15:00"), "America/New_York")).toBe("2026-03-10T10:00");
    expect(epochMinutesToLocal(paris("2026-03-31T15:00"), "America/New_York")).toBe("2026-03-31T09:00");
    expect(epochMinutesToLocal(paris("2026-03-29T02:30"), "Europe/Paris")).toBe("2026-03-29T03:30");
  });

  it("never proposes a missing wall time as an alternative and plans a Toulouse week across its switch", () => {
    const input = baseInput({
      timezone: "Europe/Paris",
      venues: { capitole: { lat: 43.6045, lon: 1.4442 }, compans: { lat: 43.6109, lon: 1.4339 } },
      days: [
        { date: "2026-03-28", available: [["09:00", "23:00"]] },
        { date: "2026-03-29", available: [["01:00", "05:00"]] },
      ],
      candidates: [
        {
          id: "a",
          counterpart: "ana",
          kind: "other",
          value: 9,
          duration_min: 60,
          venue: "capitole",
          starts: ["2026-03-29T01:00"],
        },
        {
          id: "b",
          counterpart: "bob",
          kind: "other",
          value: 5,
          duration_min: 60,
          venue: "capitole",
          starts: ["2026-03-29T01:30"],
        },
        {
          id: "d",
          counterpart: "dan",
          kind: "dinner",
          value: 7,
          duration_min: 120,
          venue: "compans",
          starts: ["2026-03-28T20:00"],
        },
      ],
    });
    const { output } = solveAgenda(input);
    expect(output.chosen).toEqual([
      { id: "d", start: "2026-03-28T20:00" },
      { id: "a", start: "2026-03-29T01:00" },
    ]);
    const b = output.unscheduled.find((entry) => entry.id === "b");
    // a holds 01:00–03:00 wall (one elapsed hour); 02:00–02:45 do not exist, so the first start after it is 03:00.
    expect(b?.alternative).toBe("2026-03-29T03:00");
  });
});
