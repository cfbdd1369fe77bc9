/** Removes one of the member's feeds and its posts; another member's feed answers "not found". */
import { deleteFeed } from "../../db/repositories/feeds.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function removeFeed(context: AppContext, options: { memberId: number; feedId: number }): Promise<void> {
  if (!(await deleteFeed(context.db, options.memberId, options.feedId))) throw notFound("Feed");
}
