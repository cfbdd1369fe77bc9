/** The scheduled refresh: fetches the feeds that are due (never fetched, or not in the last hour), one at a time. */
import { listDueFeeds } from "../../db/repositories/feeds.repository";
import type { AppContext } from "../context";
import type { OutsideFetchOptions } from "../outside-url/fetch-outside-url";
import { feedIntervalMs, feedsPerRefreshRun } from "./feed-limits";
import { refreshFeed, type FeedRefreshOutcome } from "./refresh-feed";

export async function refreshDueFeeds(
  context: AppContext,
  options: { fetch?: OutsideFetchOptions } = {},
): Promise<Record<FeedRefreshOutcome, number>> {
  const now = context.now();
  const due = await listDueFeeds(context.db, new Date(now.getTime() - feedIntervalMs), feedsPerRefreshRun);
  const counts: Record<FeedRefreshOutcome, number> = { not_due: 0, not_modified: 0, updated: 0, failed: 0 };
  // One at a time: a slow feed only delays the run, and the hosts see one request from us at once.
  for (const feed of due) counts[await refreshFeed(context, { feedId: feed.id, ...options })]++;
  return counts;
}
