import { describe, expect, it } from "vitest";
import { agendaKindOfOffer } from "./agenda-kind";
import { solveBruteForce } from "./brute-force-solver";
import { candidateValue } from "./candidate-value";
import { compileAgenda } from "./compile-agenda";
import { solveExact } from "./exact-solver";
import { generateAgenda } from "./generate-agenda";
import { solveWithHighs } from "./highs-solver";
import { planValue } from "./plan-value";

describe("diminishing returns per community (the app's objective)", () => {
  it("counts the best meeting of a community fully and the others at the decay", () => {
    const input = generateAgenda({ candidates: 6, seed: "community", days: 3 });
    const communities = new Map(input.candidates.map((candidate) => [candidate.id, "jazz"]));
    const model = compileAgenda(input, { communities, communityDecay: 0.5 });
    const some = [model.placementsOfCandidate[0]?.[0], model.placementsOfCandidate[1]?.[0]].filter(
      (index): index is number => index !== undefined,
    );
    const values = some.map((index) => model.candidates[model.placements[index]?.candidate ?? 0]?.value ?? 0);
    expect(planValue(model, some)).toBeCloseTo(
      Math.max(...values) + 0.5 * (values.reduce((a, b) => a + b, 0) - Math.max(...values)),
      9,
    );
  });

  it("the exact solver and HiGHS find the brute-force optimum with communities", async () => {
    for (let seed = 0; seed < 8; seed++) {
      const input = generateAgenda({ candidates: 11, seed: `community-${seed}`, days: 2, maxPerDay: 4, fixedCount: 0 });
      const communities = new Map(input.candidates.map((candidate, index) => [candidate.id, `community-${index % 3}`]));
      const model = compileAgenda(input, { communities, communityDecay: 0.4 });
      const reference = solveBruteForce(model);
      const exact = solveExact(model);
      expect(exact.status).toBe("optimal");
      expect(exact.objective, `seed ${seed}`).toBeCloseTo(reference.objective ?? Number.NaN, 6);
      const highs = await solveWithHighs(model);
      expect(highs.objective, `seed ${seed}`).toBeCloseTo(reference.objective ?? Number.NaN, 6);
    }
  });
});

describe("offer kinds and candidate values", () => {
  it("maps offers to agenda kinds; introductions and advice without times stay out", () => {
    expect(agendaKindOfOffer("event_invitation", true)).toBe("event");
    expect(agendaKindOfOffer("introduction", true)).toBe("other");
    expect(agendaKindOfOffer("advice", false)).toBeNull();
    expect(agendaKindOfOffer("lunch", true)).toBe("lunch");
  });

  it("values a better match, an event with many locals and a starred offer more", () => {
    const base = { matchScore: 0.5, kind: "coffee" as const, isStarred: false };
    expect(candidateValue({ ...base, matchScore: 0.9 })).toBeGreaterThan(candidateValue(base));
    expect(candidateValue({ ...base, kind: "event", attendeeCount: 40 })).toBeGreaterThan(
      candidateValue({ ...base, kind: "event", attendeeCount: 2 }),
    );
    expect(candidateValue({ ...base, isStarred: true })).toBeGreaterThan(candidateValue(base));
  });
});
