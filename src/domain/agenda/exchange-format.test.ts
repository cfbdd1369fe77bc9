import { describe, expect, it } from "vitest";
import { formatJsonPath, parseAgendaInput } from "./exchange-format";
import { baseInput } from "./solver-conformance.case";

const valid = baseInput({
  candidates: [
    {
      id: "a",
      counterpart: "ana",
      kind: "coffee",
      value: 3,
      duration_min: 45,
      venue: "brickell",
      starts: ["2026-03-10T09:00"],
    },
  ],
});

function errorOf(json: unknown): string {
  const result = parseAgendaInput(json);
  return result.ok ? "ok" : `${result.error.path}: ${result.error.message}`;
}

describe("agenda exchange format", () => {
  it("accepts a valid file", () => {
    expect(errorOf(valid)).toBe("ok");
  });

  it("names the JSON path of a malformed start", () => {
    const input = structuredClone(valid);
    const first = input.candidates[0];
    if (first === undefined) throw new Error("fixture");
    input.candidates.push({ ...first, id: "b", starts: ["2026-03-10T09:00", "2026-03-10 9:00"] });
    expect(errorOf(input)).toBe("$.candidates[1].starts[1]: expected YYYY-MM-DDTHH:MM");
  });

  it("rejects unknown venues, time zones, kinds and impossible dates with their paths", () => {
    expect(errorOf({ ...valid, timezone: "Mars/Olympus" })).toBe("$.timezone: expected an IANA time zone");
    const unknownVenue = structuredClone(valid);
    if (unknownVenue.candidates[0]) unknownVenue.candidates[0].venue = "nowhere";
    expect(errorOf(unknownVenue)).toBe('$.candidates[0].venue: unknown venue "nowhere"');
    const badKind = structuredClone(valid) as unknown as { candidates: { kind: string }[] };
    if (badKind.candidates[0]) badKind.candidates[0].kind = "brunch";
    expect(errorOf(badKind)).toMatch(/^\$\.candidates\[0\]\.kind: /);
    expect(errorOf({ ...valid, days: [{ date: "2026-02-30", available: [] }] })).toBe(
      "$.days[0].date: not a calendar date",
    );
    expect(errorOf({ ...valid, max_per_day: -1 })).toMatch(/^\$\.max_per_day: /);
    expect(errorOf({ ...valid, extra: 1 })).toMatch(/^\$: /);
  });

  it("writes paths in the $.a[0].b notation", () => {
    expect(formatJsonPath(["venues", "my venue", "lat"])).toBe('$.venues["my venue"].lat');
    expect(formatJsonPath([])).toBe("$");
  });
});
