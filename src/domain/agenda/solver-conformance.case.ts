import { describe, expect, it } from "vitest";
import { solveBruteForce } from "./brute-force-solver";
import { checkPlan } from "./check-plan";
import { compileAgenda } from "./compile-agenda";
import type { AgendaInput } from "./exchange-format";
import { generateAgenda } from "./generate-agenda";

/**
 * One conformance suite for every agenda solver (like hono's router common.case.test.ts): each solver test file calls
 * runSolverConformance with an adapter. Every plan must pass the independent checker; exact solvers must also match
 * the hand-computed optimum or brute force.
 */
export interface ConformanceResult {
  status: "optimal" | "feasible" | "infeasible" | "unknown";
  chosen: { id: string; start: string }[] | null;
  objective: number | null;
  bound: number | null;
}

export type ConformanceSolve = (input: AgendaInput) => ConformanceResult | Promise<ConformanceResult>;

const venues = {
  brickell: { lat: 25.7617, lon: -80.1918 },
  wynwood: { lat: 25.8005, lon: -80.199 },
  grove: { lat: 25.728, lon: -80.2374 },
};

/** A one-day Miami trip with three venues; cases override what they test. */
export function baseInput(overrides: Partial<AgendaInput> = {}): AgendaInput {
  return {
    timezone: "America/New_York",
    days: [{ date: "2026-03-10", available: [["08:00", "22:30"]] }],
    max_per_day: 5,
    travel: { speed_kmh: 20, min_buffer_min: 10 },
    venues,
    fixed: [],
    candidates: [],
    ...overrides,
  };
}

type Candidate = AgendaInput["candidates"][number];
function candidate(id: string, overrides: Partial<Candidate>): Candidate {
  return {
    id,
    counterpart: id,
    kind: "coffee",
    value: 10,
    duration_min: 60,
    venue: "brickell",
    starts: [],
    ...overrides,
  };
}

interface Case {
  name: string;
  input: AgendaInput;
  optimum: number | "infeasible";
}

export const conformanceCases: Case[] = [
  { name: "nothing to plan", input: baseInput(), optimum: 0 },
  {
    name: "one coffee",
    input: baseInput({ candidates: [candidate("a", { starts: ["2026-03-10T09:00"] })] }),
    optimum: 10,
  },
  {
    name: "overlap keeps the more valuable",
    input: baseInput({
      candidates: [
        candidate("a", { starts: ["2026-03-10T09:00"] }),
        candidate("b", { value: 25, starts: ["2026-03-10T09:30"] }),
      ],
    }),
    optimum: 25,
  },
  {
    name: "a second start resolves the overlap",
    input: baseInput({
      candidates: [
        candidate("a", { starts: ["2026-03-10T09:00", "2026-03-10T11:00"] }),
        candidate("b", { value: 25, starts: ["2026-03-10T09:30"] }),
      ],
    }),
    optimum: 35,
  },
  {
    name: "travel buffer between venues (Brickell → Wynwood needs 13 min)",
    input: baseInput({
      candidates: [
        candidate("a", { starts: ["2026-03-10T09:00"] }),
        candidate("b", { venue: "wynwood", starts: ["2026-03-10T10:10"] }),
      ],
    }),
    optimum: 10,
  },
  {
    name: "same venue needs no buffer",
    input: baseInput({
      candidates: [candidate("a", { starts: ["2026-03-10T09:00"] }), candidate("b", { starts: ["2026-03-10T10:00"] })],
    }),
    optimum: 20,
  },
  {
    name: "a venue-less item between two venues does not hide the travel",
    input: baseInput({
      candidates: [
        candidate("a", { value: 10, starts: ["2026-03-10T09:00"] }),
        candidate("b", { value: 10, venue: null, duration_min: 5, starts: ["2026-03-10T10:00"] }),
        candidate("c", { value: 10, venue: "wynwood", starts: ["2026-03-10T10:05"] }),
      ],
    }),
    optimum: 20,
  },
  {
    name: "lunch only inside 12:00–14:30",
    input: baseInput({
      candidates: [
        candidate("a", { kind: "lunch", starts: ["2026-03-10T11:30", "2026-03-10T13:45"] }),
        candidate("b", { kind: "lunch", value: 5, starts: ["2026-03-10T13:30"] }),
      ],
    }),
    optimum: 5,
  },
  {
    name: "dinner only inside 19:00–23:00",
    input: baseInput({
      candidates: [
        candidate("a", { kind: "dinner", duration_min: 120, starts: ["2026-03-10T18:30", "2026-03-10T20:00"] }),
      ],
    }),
    optimum: 10,
  },
  {
    name: "a range with a kind list admits only those kinds",
    input: baseInput({
      days: [{ date: "2026-03-10", available: [["08:00", "12:00", ["visit"]]] }],
      candidates: [
        candidate("a", { starts: ["2026-03-10T09:00"] }),
        candidate("b", { kind: "visit", value: 3, starts: ["2026-03-10T09:00"] }),
      ],
    }),
    optimum: 3,
  },
  {
    name: "outside availability or the trip",
    input: baseInput({
      candidates: [candidate("a", { starts: ["2026-03-10T07:30", "2026-03-11T09:00", "2026-03-10T22:00"] })],
    }),
    optimum: 0,
  },
  {
    name: "daily maximum",
    input: baseInput({
      max_per_day: 2,
      candidates: [1, 2, 3].map((hour) =>
        candidate(`c${hour}`, { value: hour, starts: [`2026-03-10T${String(8 + 2 * hour).padStart(2, "0")}:00`] }),
      ),
    }),
    optimum: 5,
  },
  {
    name: "one meeting per counterpart",
    input: baseInput({
      candidates: [
        candidate("a", { counterpart: "ana", starts: ["2026-03-10T09:00"] }),
        candidate("b", { counterpart: "ana", value: 12, starts: ["2026-03-10T15:00"] }),
      ],
    }),
    optimum: 12,
  },
  {
    name: "fixed commitments block and need travel time",
    input: baseInput({
      fixed: [{ id: "flight", start: "2026-03-10T08:00", end: "2026-03-10T10:00", venue: "grove" }],
      candidates: [
        candidate("a", { starts: ["2026-03-10T09:30"] }),
        candidate("b", { value: 7, starts: ["2026-03-10T10:05"] }),
        candidate("c", { value: 4, venue: "grove", starts: ["2026-03-10T10:05"] }),
      ],
    }),
    optimum: 4,
  },
  {
    name: "a locked item is kept even when worth less",
    input: baseInput({
      candidates: [
        candidate("a", { locked: true, value: 1, starts: ["2026-03-10T09:00"] }),
        candidate("b", { value: 50, starts: ["2026-03-10T09:30"] }),
      ],
    }),
    optimum: 1,
  },
  {
    name: "two locked items that always overlap",
    input: baseInput({
      candidates: [
        candidate("a", { locked: true, starts: ["2026-03-10T09:00"] }),
        candidate("b", { locked: true, starts: ["2026-03-10T09:30"] }),
      ],
    }),
    optimum: "infeasible",
  },
  {
    name: "daylight saving in Miami: a missing 02:30 is 03:30 and durations are elapsed minutes",
    input: baseInput({
      days: [
        {
          date: "2026-03-08",
          available: [
            ["00:00", "04:00"],
            ["04:00", "23:00"],
          ],
        },
      ],
      fixed: [{ id: "call", start: "2026-03-08T04:30", end: "2026-03-08T05:00", venue: null }],
      candidates: [
        // 02:30 does not exist: it starts at 03:30 and ends at 04:30, past the 04:00 range end.
        candidate("a", { kind: "other", starts: ["2026-03-08T02:30"] }),
        // 01:30 + 60 elapsed minutes ends at 03:30 (not 02:30): inside 00:00–04:00.
        candidate("b", { kind: "other", value: 3, starts: ["2026-03-08T01:30"] }),
      ],
    }),
    optimum: 3,
  },
  {
    name: "daylight saving in Miami: 01:30 on 1 November happens twice, the earlier counts",
    input: baseInput({
      days: [{ date: "2026-11-01", available: [["00:00", "23:00"]] }],
      candidates: [
        candidate("a", { kind: "other", starts: ["2026-11-01T01:30"] }),
        // 01:45 EDT overlaps a's 01:30–02:30 EDT; were 01:30 the later one (EST), b would fit before it.
        candidate("b", { kind: "other", value: 6, duration_min: 15, starts: ["2026-11-01T01:45"] }),
      ],
    }),
    optimum: 10,
  },
];

/** Small random instances, each checked against brute force. */
function randomSmallInputs(): { seed: number; input: AgendaInput }[] {
  return Array.from({ length: 14 }, (_, seed) => ({
    seed,
    input: generateAgenda({
      candidates: 11,
      seed: `small-${seed}`,
      days: 1 + (seed % 2),
      maxPerDay: 4,
      lockedShare: seed % 4 === 0 ? 0.15 : 0,
      fixedCount: 1,
    }),
  }));
}

export function runSolverConformance(name: string, solve: ConformanceSolve, options: { isExact: boolean }): void {
  describe(`agenda solver conformance: ${name}`, () => {
    const expectValid = (input: AgendaInput, result: ConformanceResult): void => {
      if (result.chosen === null) return;
      const check = checkPlan(input, result.chosen);
      expect(check.violations).toEqual([]);
      expect(result.objective).toBeCloseTo(check.objective, 6);
      if (result.bound !== null) expect(result.bound).toBeGreaterThanOrEqual(check.objective - 1e-6);
    };

    for (const testCase of conformanceCases) {
      it(testCase.name, async () => {
        const result = await solve(testCase.input);
        expectValid(testCase.input, result);
        if (testCase.optimum === "infeasible") {
          expect(result.chosen).toBeNull();
          if (options.isExact) expect(result.status).toBe("infeasible");
        } else if (options.isExact) {
          expect(result.status).toBe("optimal");
          expect(result.objective).toBeCloseTo(testCase.optimum, 6);
          expect(result.bound).toBeCloseTo(testCase.optimum, 6);
        } else {
          expect(result.objective ?? -1).toBeLessThanOrEqual(testCase.optimum + 1e-6);
        }
      });
    }

    it("random small weeks: valid plans, optimal for exact solvers (brute force)", async () => {
      for (const { seed, input } of randomSmallInputs()) {
        const reference = solveBruteForce(compileAgenda(input));
        const result = await solve(input);
        expectValid(input, result);
        if (reference.status === "infeasible") {
          expect(result.chosen, `seed ${seed}`).toBeNull();
        } else if (options.isExact) {
          expect(result.status, `seed ${seed}`).toBe("optimal");
          expect(result.objective, `seed ${seed}`).toBeCloseTo(reference.objective ?? Number.NaN, 6);
        }
      }
    });
  });
}
