import { describe, expect, it } from "vitest";
import {
  introductionExpiry,
  ownAnswer,
  secondsUntilSlotFrees,
  toldOfExpiry,
  visibleStatus,
  type IntroductionFacts,
} from "./introduction-rules";

const created = Date.UTC(2027, 2, 10, 12);
const facts = (overrides: Partial<IntroductionFacts>): IntroductionFacts => ({
  connectorId: 1,
  firstId: 2,
  secondId: 3,
  firstAnswer: "pending",
  secondAnswer: "pending",
  status: "pending",
  expiresAtMs: introductionExpiry(created),
  ...overrides,
});

describe("introduction rules", () => {
  it("expires seven days after the proposal, across a DST change", () => {
    expect(new Date(introductionExpiry(created)).toISOString()).toBe("2027-03-17T12:00:00.000Z");
  });

  it("shows a decline as nothing: pending until the expiry, then 'did not happen' to all alike", () => {
    const declined = facts({ firstAnswer: "declined", secondAnswer: "accepted" });
    const silent = facts({});
    const before = created + 3_600_000;
    expect(visibleStatus(declined, before)).toBe(visibleStatus(silent, before));
    expect(visibleStatus(declined, before)).toBe("pending");
    expect(visibleStatus(declined, declined.expiresAtMs)).toBe("did_not_happen");
    expect(ownAnswer(declined, "second")).toBe("accepted");
    expect(ownAnswer(declined, "connector")).toBeNull();
    expect(toldOfExpiry(declined)).toEqual([1, 3]);
    expect(toldOfExpiry(silent)).toEqual([1]);
  });

  it("tells when a slot of the rolling window frees", () => {
    expect(secondsUntilSlotFrees(created, created)).toBe(86_400);
    expect(secondsUntilSlotFrees(created, created + 86_400_000)).toBe(1);
  });
});
