import { describe, expect, it } from "vitest";
import { checkReportLimit, moderatorScope, reportsPerDay, reportStatusAfter, scopeCovers } from "./report-rules";

const now = new Date("2026-03-10T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("report limits", () => {
  it("allows reports under the daily cap and refuses the next one with the time it frees up", () => {
    const under = Array.from({ length: reportsPerDay - 1 }, (_, index) => hoursAgo(index + 1));
    expect(checkReportLimit({ now, reportedInLastDay: under, openOnSameTarget: 0 })).toEqual({ allowed: true });
    const full = [...under, hoursAgo(23)];
    const verdict = checkReportLimit({ now, reportedInLastDay: full, openOnSameTarget: 0 });
    expect(verdict).toMatchObject({ allowed: false, reason: "reports_per_day", retryAfterSeconds: 3600 });
  });

  it("does not count reports older than 24 hours", () => {
    const old = Array.from({ length: reportsPerDay }, () => hoursAgo(25));
    expect(checkReportLimit({ now, reportedInLastDay: old, openOnSameTarget: 0 }).allowed).toBe(true);
  });

  it("refuses a second open report on the same target", () => {
    expect(checkReportLimit({ now, reportedInLastDay: [], openOnSameTarget: 1 })).toMatchObject({
      allowed: false,
      reason: "already_reported",
    });
  });
});

describe("moderation rules", () => {
  it("maps actions to report statuses", () => {
    expect(reportStatusAfter("dismiss")).toBe("dismissed");
    expect(reportStatusAfter("warn")).toBe("warned");
    expect(reportStatusAfter("suspend")).toBe("suspended");
  });

  it("scopes moderators to their cities, admins and global moderators everywhere", () => {
    expect(moderatorScope([{ role: "organiser", cityId: 1 }])).toBeNull();
    const city = moderatorScope([{ role: "moderator", cityId: 2 }]);
    expect(city).toEqual({ everywhere: false, cityIds: [2] });
    expect(scopeCovers(city!, 2)).toBe(true);
    expect(scopeCovers(city!, 3)).toBe(false);
    expect(scopeCovers(city!, null)).toBe(false);
    expect(scopeCovers(moderatorScope([{ role: "admin", cityId: null }])!, null)).toBe(true);
    expect(scopeCovers(moderatorScope([{ role: "moderator", cityId: null }])!, 9)).toBe(true);
  });
});
