/** Lifts a block I made; a block I did not make answers 404. */
import { deleteBlock } from "../../db/repositories/privacy-settings.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function unblockMember(
  context: Pick<AppContext, "db">,
  options: { memberId: number; blockedId: number },
): Promise<void> {
  if (!(await deleteBlock(context.db, options.memberId, options.blockedId))) throw notFound("Block");
}
