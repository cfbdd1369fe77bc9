/**
 * Feed jobs: `feeds.fetch` fetches one feed right after it is added; `feeds.refresh` runs every 10 minutes and
 * fetches the feeds not fetched in the last hour. Both go through the outside-URL rules with production limits.
 */
import type { AppContext } from "../app/context";
import { fetchFeedJob } from "../app/feeds/add-feed";
import { refreshDueFeeds } from "../app/feeds/refresh-due-feeds";
import { refreshFeed } from "../app/feeds/refresh-feed";
import type { JobHandler } from "./pg-boss-queue";

export const refreshFeedsJob = "feeds.refresh";

/** Handlers and schedule to register; `holder.context` is set once the context exists (see analytics-jobs.ts). */
export function feedJobs(holder: { context?: AppContext }): {
  handlers: Record<string, JobHandler>;
  schedules: Record<string, string>;
} {
  const contextOf = () => {
    if (!holder.context) throw new Error("the app context is not ready yet");
    return holder.context;
  };
  return {
    handlers: {
      [fetchFeedJob]: async (data) => {
        const feedId = Number(data.feedId);
        if (Number.isInteger(feedId) && feedId > 0) await refreshFeed(contextOf(), { feedId });
      },
      [refreshFeedsJob]: async () => {
        await refreshDueFeeds(contextOf());
      },
    },
    schedules: { [refreshFeedsJob]: "*/10 * * * *" },
  };
}
