import { describe, expect, it } from "vitest";
import { checkOfferLimits } from "./offer-limits";

const now = new Date("2030-03-04T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("checkOfferLimits", () => {
  it("allows under both caps", () => {
    expect(checkOfferLimits({ now, sentInLastDay: [], sentOnTrip: 2 })).toEqual({ allowed: true });
  });

  it("refuses a fourth offer on one trip, for good", () => {
    const verdict = checkOfferLimits({ now, sentInLastDay: [], sentOnTrip: 3 });
    expect(verdict).toMatchObject({ allowed: false, limit: "offers_per_trip", freesUpAt: null });
  });

  it("frees the daily cap when the oldest counted offer leaves the 24-hour window", () => {
    const sent = Array.from({ length: 20 }, (_, index) => minutesAgo(600 - index));
    const verdict = checkOfferLimits({ now, sentInLastDay: sent, sentOnTrip: 0 });
    expect(verdict).toMatchObject({
      allowed: false,
      limit: "offers_per_day",
      freesUpAt: new Date(minutesAgo(600).getTime() + 24 * 3600_000),
      retryAfterSeconds: (24 * 60 - 600) * 60,
    });
  });

  it("with more than 20 counted (a race lost elsewhere), waits for enough of them to leave", () => {
    const sent = Array.from({ length: 22 }, (_, index) => minutesAgo(100 - index));
    const verdict = checkOfferLimits({ now, sentInLastDay: sent, sentOnTrip: 0 });
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.freesUpAt).toEqual(new Date(minutesAgo(98).getTime() + 24 * 3600_000));
  });

  it("ignores offers older than 24 hours", () => {
    const sent = Array.from({ length: 30 }, () => minutesAgo(24 * 60 + 1));
    expect(checkOfferLimits({ now, sentInLastDay: sent, sentOnTrip: 0 })).toEqual({ allowed: true });
  });
});
