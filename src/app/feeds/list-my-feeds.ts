/** The member's own feeds with their fetch state (when, and the last error if any). */
import { listFeedsOfMember, type FeedRow } from "../../db/repositories/feeds.repository";
import type { AppContext } from "../context";

export async function listMyFeeds(context: AppContext, options: { memberId: number }): Promise<FeedRow[]> {
  return listFeedsOfMember(context.db, options.memberId);
}
