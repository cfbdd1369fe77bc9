/** The politeness and size rules of feed fetching, in one place. */
import type { OutsideFetchOptions } from "../outside-url/fetch-outside-url";

/** A feed is fetched at most once in this interval. */
export const feedIntervalMs = 60 * 60 * 1000;
/** Feeds one member may add. */
export const maxFeedsPerMember = 5;
/** Posts kept per feed, and shown on a profile. */
export const postsKeptPerFeed = 20;
export const postsShownOnProfile = 10;
/** Feeds fetched by one run of the scheduled refresh. */
export const feedsPerRefreshRun = 50;

export const feedFetchDefaults: OutsideFetchOptions = { maxBytes: 1024 * 1024, timeoutMs: 10_000, maxRedirects: 3 };
