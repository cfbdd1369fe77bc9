import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "./check-plan";
import type { AgendaInput } from "./exchange-format";
import { generateAgenda } from "./generate-agenda";
import { solveAgenda } from "./solve-agenda";
import { baseInput } from "./solver-conformance.case";

type Candidate = AgendaInput["candidates"][number];
const coffee = (id: string, overrides: Partial<Candidate>): Candidate => ({
  id,
  counterpart: id,
  kind: "coffee",
  value: 10,
  duration_min: 60,
  venue: "brickell",
  starts: [],
  ...overrides,
});

function reasonOf(
  input: AgendaInput,
  id: string,
): { code: string; reason: string; alternative: string | null; params: Record<string, string | number> } {
  const entry = solveAgenda(input).output.unscheduled.find((item) => item.id === id);
  if (entry === undefined) throw new Error(`${id} was scheduled`);
  return entry;
}

describe("explanations of what was left out", () => {
  it("names the more valuable meeting it overlaps, and proposes a start that fits", () => {
    const input = baseInput({
      candidates: [
        coffee("lunch-ana", { kind: "lunch", counterpart: "Ana", value: 30, starts: ["2026-03-10T12:00"] }),
        coffee("b", { starts: ["2026-03-10T12:30"] }),
      ],
    });
    const entry = reasonOf(input, "b");
    expect(entry.code).toBe("overlaps");
    expect(entry.reason).toBe("overlaps lunch with Ana, worth more");
    expect(entry.params).toMatchObject({ with: "lunch-ana", kind: "lunch", counterpart: "Ana", worthMore: 1 });
    expect(entry.alternative).toBe("2026-03-10T13:00");
  });

  it("says when there is no time to get there", () => {
    const input = baseInput({
      venues: { Brickell: { lat: 25.7617, lon: -80.1918 }, Wynwood: { lat: 25.8005, lon: -80.199 } },
      candidates: [
        coffee("a", { venue: "Brickell", value: 20, starts: ["2026-03-10T09:00"] }),
        coffee("b", { venue: "Wynwood", starts: ["2026-03-10T10:05"] }),
      ],
    });
    expect(reasonOf(input, "b").reason).toBe("not enough time to get there from Brickell (coffee with a)");
  });

  it("says which day is full, outside availability, meal windows and fixed commitments", () => {
    const full = baseInput({
      max_per_day: 1,
      candidates: [
        coffee("a", { value: 20, starts: ["2026-03-10T09:00"] }),
        coffee("b", { starts: ["2026-03-10T15:00"] }),
      ],
    });
    expect(reasonOf(full, "b")).toMatchObject({ code: "day_full", reason: "your Tuesday is full", alternative: null });
    expect(reasonOf(baseInput({ candidates: [coffee("a", { starts: ["2026-03-10T06:00"] })] }), "a")).toMatchObject({
      code: "outside_availability",
      reason: "outside your availability",
      alternative: "2026-03-10T08:00",
    });
    expect(
      reasonOf(baseInput({ candidates: [coffee("a", { kind: "lunch", starts: ["2026-03-10T11:00"] })] }), "a"),
    ).toMatchObject({ code: "meal_window", alternative: "2026-03-10T12:00" });
    const busy = baseInput({
      fixed: [{ id: "dentist", start: "2026-03-10T09:00", end: "2026-03-10T10:00", venue: null }],
      candidates: [coffee("a", { starts: ["2026-03-10T09:30"] })],
    });
    expect(reasonOf(busy, "a")).toMatchObject({ code: "fixed_overlap", reason: "overlaps your commitment dentist" });
  });

  it("says which locked items clash when no agenda exists", () => {
    const input = baseInput({
      candidates: [
        coffee("a", { locked: true, starts: ["2026-03-10T09:00"] }),
        coffee("b", { locked: true, starts: ["2026-03-10T09:30"] }),
        coffee("c", { starts: ["2026-03-10T15:00"] }),
      ],
    });
    const { output } = solveAgenda(input);
    expect(output).toMatchObject({ status: "infeasible", chosen: [], objective: null, bound: null });
    expect(output.unscheduled.map((entry) => entry.code)).toEqual(["locked_clash", "locked_clash", "infeasible"]);
  });

  it("property: every candidate is chosen or explained once, and each alternative fits the chosen plan", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 5, max: 30 }), (seed, size) => {
        const input = generateAgenda({ candidates: size, seed, days: 3, maxPerDay: 3 });
        const { output } = solveAgenda(input);
        const ids = [...output.chosen.map((entry) => entry.id), ...output.unscheduled.map((entry) => entry.id)].sort();
        expect(ids).toEqual(input.candidates.map((candidate) => candidate.id).sort());
        for (const entry of output.unscheduled) {
          expect(entry.reason.length).toBeGreaterThan(0);
          if (entry.alternative === null) continue;
          expect(Number(entry.alternative.slice(14, 16)) % 15).toBe(0);
          const widened = {
            ...input,
            candidates: input.candidates.map((candidate) =>
              candidate.id === entry.id
                ? { ...candidate, starts: [...candidate.starts, entry.alternative as string] }
                : candidate,
            ),
          };
          expect(checkPlan(widened, [...output.chosen, { id: entry.id, start: entry.alternative }]).violations).toEqual(
            [],
          );
        }
      }),
      { numRuns: 25, seed: 42 },
    );
  });
});
