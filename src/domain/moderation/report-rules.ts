/**
 * Rules of abuse reports and moderation (pure). The caller counts the rows in the same transaction as the insert,
 * under the reporter's row lock, so that the limit holds across processes and fails closed.
 */
export const reportTargetKinds = ["member", "trip", "offer", "event", "offer_message", "introduction_message"] as const;
export type ReportTargetKind = (typeof reportTargetKinds)[number];
export const reportReasons = ["spam", "harassment", "inappropriate", "fake_profile", "safety", "other"] as const;
export type ReportReason = (typeof reportReasons)[number];
export const moderationActionKinds = ["dismiss", "warn", "suspend", "unsuspend"] as const;
export type ModerationActionKind = (typeof moderationActionKinds)[number];
export type ReportStatus = "open" | "warned" | "suspended" | "dismissed";

/** At most this many reports by one member in any rolling 24 hours. */
export const reportsPerDay = 10;
const dayMs = 24 * 60 * 60 * 1000;

export type ReportLimitVerdict =
  | { allowed: true }
  | { allowed: false; reason: "reports_per_day"; message: string; retryAfterSeconds: number }
  | { allowed: false; reason: "already_reported"; message: string };

/** Decides whether one more report may be filed. */
export function checkReportLimit(input: {
  now: Date;
  reportedInLastDay: readonly Date[];
  openOnSameTarget: number;
}): ReportLimitVerdict {
  if (input.openOnSameTarget > 0)
    return {
      allowed: false,
      reason: "already_reported",
      message: "You have already reported this; a moderator will look at it",
    };
  const windowStart = input.now.getTime() - dayMs;
  const recent = input.reportedInLastDay
    .map((instant) => instant.getTime())
    .filter((time) => time > windowStart)
    .sort((a, b) => a - b);
  if (recent.length < reportsPerDay) return { allowed: true };
  const freesUpAt = (recent[recent.length - reportsPerDay] ?? input.now.getTime()) + dayMs;
  return {
    allowed: false,
    reason: "reports_per_day",
    message: `You have filed ${recent.length} reports in the last 24 hours, the most one member may file (${reportsPerDay})`,
    retryAfterSeconds: Math.max(1, Math.ceil((freesUpAt - input.now.getTime()) / 1000)),
  };
}

/** The window start of the daily report cap. */
export function reportWindowStart(now: Date): Date {
  return new Date(now.getTime() - dayMs);
}

/** The status a report takes when a moderator acts on it. */
export function reportStatusAfter(action: Exclude<ModerationActionKind, "unsuspend">): ReportStatus {
  switch (action) {
    case "dismiss":
      return "dismissed";
    case "warn":
      return "warned";
    case "suspend":
      return "suspended";
  }
}

export interface ModeratorScope {
  /** Admins and moderators without a city see every report. */
  everywhere: boolean;
  cityIds: readonly number[];
}

/** The scope of a member's moderation roles, or null when they moderate nothing. */
export function moderatorScope(roles: readonly { role: string; cityId: number | null }[]): ModeratorScope | null {
  let everywhere = false;
  const cityIds: number[] = [];
  for (const { role, cityId } of roles) {
    if (role === "admin") everywhere = true;
    else if (role === "moderator") {
      if (cityId === null) everywhere = true;
      else cityIds.push(cityId);
    }
  }
  return everywhere || cityIds.length > 0 ? { everywhere, cityIds } : null;
}

/** Whether a scope covers a report or member of a city (null: no city, only global moderators). */
export function scopeCovers(scope: ModeratorScope, cityId: number | null): boolean {
  return scope.everywhere || (cityId !== null && scope.cityIds.includes(cityId));
}
