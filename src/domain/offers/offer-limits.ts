/**
 * The caps on offers per sender (DESIGN.md §6): at most 20 new offers in any rolling 24 hours, at most 3 on one trip.
 * Pure: the caller counts the rows (in the same transaction as the insert) and passes the clock.
 */
export const offersPerDay = 20;
export const offersPerTrip = 3;
const dayMs = 24 * 60 * 60 * 1000;

export type OfferLimitVerdict =
  | { allowed: true }
  | {
      allowed: false;
      limit: "offers_per_day" | "offers_per_trip";
      message: string;
      /** When the limit frees up, or null when it never does (the per-trip cap). */
      freesUpAt: Date | null;
      retryAfterSeconds: number | undefined;
    };

/** The window of the daily cap that ends now: offers created after this instant count. */
export function dailyWindowStart(now: Date): Date {
  return new Date(now.getTime() - dayMs);
}

/**
 * Decides whether one more offer may be sent. `sentInLastDay` holds the creation instants of the sender's offers in
 * the last 24 hours (any order); `sentOnTrip` counts the sender's offers on this trip, withdrawn ones included, so
 * that withdrawing and resending cannot go round the cap.
 */
export function checkOfferLimits(input: {
  now: Date;
  sentInLastDay: readonly Date[];
  sentOnTrip: number;
}): OfferLimitVerdict {
  if (input.sentOnTrip >= offersPerTrip) {
    return {
      allowed: false,
      limit: "offers_per_trip",
      message: `You have sent ${input.sentOnTrip} offers on this trip, the most one member may send on one trip (${offersPerTrip}); this limit does not free up. Write in the thread of one of your offers instead.`,
      freesUpAt: null,
      retryAfterSeconds: undefined,
    };
  }
  const windowStart = dailyWindowStart(input.now).getTime();
  const recent = input.sentInLastDay
    .map((instant) => instant.getTime())
    .filter((time) => time > windowStart)
    .sort((a, b) => a - b);
  if (recent.length < offersPerDay) return { allowed: true };
  // One more may be sent once enough of the oldest leave the window to bring the count under the cap.
  const leaving = recent[recent.length - offersPerDay] ?? input.now.getTime();
  const freesUpAt = new Date(leaving + dayMs);
  return {
    allowed: false,
    limit: "offers_per_day",
    message: `You have sent ${recent.length} offers in the last 24 hours, the most one member may send (${offersPerDay}); the limit frees up at ${freesUpAt.toISOString()}.`,
    freesUpAt,
    retryAfterSeconds: Math.max(1, Math.ceil((freesUpAt.getTime() - input.now.getTime()) / 1000)),
  };
}
