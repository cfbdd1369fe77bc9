/** Adds a feed to the member's profile and queues its first fetch; the URL must be a plain http(s) address. */
import { countFeedsOfMember, insertFeed, type FeedRow } from "../../db/repositories/feeds.repository";
import { AppError, invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { OutsideUrlError, parseOutsideUrl } from "../outside-url/fetch-outside-url";
import { maxFeedsPerMember } from "./feed-limits";

export const fetchFeedJob = "feeds.fetch";

export async function addFeed(context: AppContext, options: { memberId: number; url: string }): Promise<FeedRow> {
  let url: string;
  try {
    url = parseOutsideUrl(options.url).toString();
  } catch (error) {
    if (error instanceof OutsideUrlError) throw invalid("url", error.reason);
    throw error;
  }
  if ((await countFeedsOfMember(context.db, options.memberId)) >= maxFeedsPerMember) {
    throw invalid("url", `a profile holds at most ${maxFeedsPerMember} feeds`);
  }
  const feed = await insertFeed(context.db, options.memberId, url);
  if (!feed) throw new AppError("conflict", "This feed is already on your profile", { field: "url" });
  await context.jobs.send(fetchFeedJob, { feedId: feed.id }, { singletonKey: `feed-${feed.id}` });
  return feed;
}
