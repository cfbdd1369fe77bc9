/**
 * Giving: whether a city answers arrivals (offers within a week of a trip's announcement) and whether help received
 * is passed on (receivers who later gave). Times are epoch milliseconds.
 */
import { dayMilliseconds } from "./newcomer-integration";

export interface TripSummary {
  readonly id: string;
  readonly announcedAt: number;
  /** Time of the first offer received, or null. */
  readonly firstOfferAt: number | null;
}

export interface GiftSummary {
  readonly giverId: string;
  readonly receiverId: string;
  readonly at: number;
}

export interface Giving {
  /** Trips announced at least `offerWindowDays` before now. */
  readonly eligibleTrips: number;
  readonly answeredTrips: number;
  /** Share of eligible trips with an offer within `offerWindowDays` (default 7) of the announcement. */
  readonly answeredShare: number | null;
  readonly receivers: number;
  readonly receiversWhoGave: number;
  /** Share of members who received a gift and gave one afterwards (pay it forward). */
  readonly payForwardShare: number | null;
}

/** Computes both giving shares; trips still inside their offer window are left out rather than counted as unanswered. */
export function givingMeasures(input: {
  readonly trips: readonly TripSummary[];
  readonly gifts: readonly GiftSummary[];
  readonly now: number;
  readonly offerWindowDays?: number;
}): Giving {
  const window = (input.offerWindowDays ?? 7) * dayMilliseconds;
  let eligibleTrips = 0;
  let answeredTrips = 0;
  for (const trip of input.trips) {
    if (trip.announcedAt + window > input.now) continue;
    eligibleTrips++;
    if (
      trip.firstOfferAt !== null &&
      trip.firstOfferAt >= trip.announcedAt &&
      trip.firstOfferAt - trip.announcedAt <= window
    )
      answeredTrips++;
  }
  const firstReceived = new Map<string, number>();
  for (const gift of input.gifts) {
    if (gift.at > input.now) continue;
    const previous = firstReceived.get(gift.receiverId);
    if (previous === undefined || gift.at < previous) firstReceived.set(gift.receiverId, gift.at);
  }
  const gaveAfter = new Set<string>();
  for (const gift of input.gifts) {
    const received = firstReceived.get(gift.giverId);
    if (received !== undefined && gift.at > received && gift.at <= input.now) gaveAfter.add(gift.giverId);
  }
  return {
    eligibleTrips,
    answeredTrips,
    answeredShare: eligibleTrips > 0 ? answeredTrips / eligibleTrips : null,
    receivers: firstReceived.size,
    receiversWhoGave: gaveAfter.size,
    payForwardShare: firstReceived.size > 0 ? gaveAfter.size / firstReceived.size : null,
  };
}
