import { describe, expect, it } from "vitest";
import { dayMilliseconds, kaplanMeier, newcomerIntegration } from "./newcomer-integration";
import { givingMeasures } from "./giving";

const day = dayMilliseconds;

describe("Kaplan–Meier", () => {
  it("matches a textbook example with censoring", () => {
    // Times 1, 2+, 3, 3, 4+, 5: S(1) = 5/6, S(3) = 5/6 · 2/4 = 5/12, S(5) = 0.
    const { steps, median } = kaplanMeier([
      { time: 1, observed: true },
      { time: 2, observed: false },
      { time: 3, observed: true },
      { time: 3, observed: true },
      { time: 4, observed: false },
      { time: 5, observed: true },
    ]);
    expect(steps.map((step) => step.day)).toEqual([1, 3, 5]);
    expect(steps[1]?.survival).toBeCloseTo(5 / 12, 12);
    expect(steps[2]?.survival).toBe(0);
    expect(median).toBe(3);
  });
  it("has no median when most never had the event", () => {
    expect(
      kaplanMeier([
        { time: 2, observed: true },
        { time: 9, observed: false },
        { time: 9, observed: false },
      ]).median,
    ).toBeNull();
  });
});

describe("newcomer integration", () => {
  it("counts ties to incumbents within 30 days and censors newcomers still waiting", () => {
    const now = 100 * day;
    const result = newcomerIntegration({
      newcomers: [
        { id: "n1", arrivedAt: 0 },
        { id: "n2", arrivedAt: 10 * day },
        { id: "n3", arrivedAt: 90 * day },
      ],
      isIncumbent: (id) => id.startsWith("i"),
      ties: [
        { a: "n1", b: "i1", firstMetAt: 2 * day },
        { a: "i2", b: "n1", firstMetAt: 5 * day },
        { a: "n1", b: "i3", firstMetAt: 29 * day },
        { a: "n2", b: "i1", firstMetAt: 12 * day },
        { a: "n2", b: "n1", firstMetAt: 13 * day },
        { a: "n2", b: "i2", firstMetAt: 50 * day },
      ],
      now,
    });
    expect(result.eligible).toBe(2); // n3 arrived 10 days ago
    expect(result.integrated).toBe(1); // n1 has 3 incumbent ties in 30 days, n2 only 1 (a newcomer tie does not count)
    expect(result.share).toBe(0.5);
    expect(result.firstTieObserved).toBe(2);
    expect(result.firstTieCensored).toBe(1);
    expect(result.medianDaysToFirstTie).toBe(2);
  });
});

describe("giving", () => {
  it("counts trips answered within 7 days and receivers who gave later", () => {
    const result = givingMeasures({
      now: 30 * day,
      trips: [
        { id: "t1", announcedAt: 0, firstOfferAt: 2 * day },
        { id: "t2", announcedAt: 0, firstOfferAt: 8 * day },
        { id: "t3", announcedAt: day, firstOfferAt: null },
        { id: "t4", announcedAt: 28 * day, firstOfferAt: null },
      ],
      gifts: [
        { giverId: "a", receiverId: "b", at: day },
        { giverId: "b", receiverId: "c", at: 3 * day },
        { giverId: "c", receiverId: "a", at: 0 },
      ],
    });
    expect(result.eligibleTrips).toBe(3);
    expect(result.answeredShare).toBeCloseTo(1 / 3, 12);
    expect(result.receivers).toBe(3);
    // b received on day 1 and gave on day 3; a received on day 0 and gave on day 1; c gave on day 0 before receiving.
    expect(result.receiversWhoGave).toBe(2);
  });
});
