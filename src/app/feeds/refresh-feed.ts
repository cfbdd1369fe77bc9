/**
 * Fetches one feed politely: at most once an hour (the claim stamps the fetch time first, so two workers never both
 * fetch), a conditional request with the last ETag and Last-Modified, through the outside-URL rules, then stores its
 * posts as plain text. Failures are recorded on the feed for its owner to see; they are outcomes, not exceptions.
 */
import { claimDueFeed, recordFeedFetch, savePosts } from "../../db/repositories/feeds.repository";
import type { AppContext } from "../context";
import { fetchOutsideUrl, OutsideUrlError, type OutsideFetchOptions } from "../outside-url/fetch-outside-url";
import { feedFetchDefaults, feedIntervalMs, postsKeptPerFeed } from "./feed-limits";
import { decodeFeedBody } from "./decode-body";
import { FeedFormatError, parseFeed } from "./parse-feed";

export type FeedRefreshOutcome = "not_due" | "not_modified" | "updated" | "failed";

export interface RefreshFeedOptions {
  feedId: number;
  /** Limits and, in tests only, endpoints allowed on 127.0.0.1; production passes nothing. */
  fetch?: OutsideFetchOptions;
}

export async function refreshFeed(context: AppContext, options: RefreshFeedOptions): Promise<FeedRefreshOutcome> {
  const now = context.now();
  const feed = await claimDueFeed(context.db, options.feedId, now, new Date(now.getTime() - feedIntervalMs));
  if (!feed) return "not_due";
  const headers: Record<string, string> = {
    accept: "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, text/xml;q=0.8",
  };
  if (feed.etag) headers["if-none-match"] = feed.etag;
  if (feed.lastModified) headers["if-modified-since"] = feed.lastModified;
  try {
    const response = await fetchOutsideUrl(feed.url, { ...feedFetchDefaults, ...options.fetch, headers });
    if (response.status === 304) {
      await recordFeedFetch(context.db, feed.id, { lastError: null });
      return "not_modified";
    }
    if (response.status < 200 || response.status > 299) {
      await recordFeedFetch(context.db, feed.id, { lastError: `the server answered ${response.status}` });
      return "failed";
    }
    const parsed = parseFeed(decodeFeedBody(response.body, response.headers["content-type"]));
    await savePosts(
      context.db,
      feed.id,
      parsed.posts.map((post) => ({ ...post })),
      postsKeptPerFeed,
    );
    await recordFeedFetch(context.db, feed.id, {
      etag: response.headers.etag?.slice(0, 500) ?? null,
      lastModified: response.headers["last-modified"]?.slice(0, 100) ?? null,
      title: parsed.title,
      lastError: null,
    });
    return "updated";
  } catch (error) {
    if (error instanceof OutsideUrlError || error instanceof FeedFormatError) {
      await recordFeedFetch(context.db, feed.id, { lastError: error.message.slice(0, 500) });
      context.logger.info({ feedId: feed.id, err: error.message }, "feed fetch failed");
      return "failed";
    }
    throw error;
  }
}
