/** Blocks a member: from then on the two never see each other (alerts, search, events, introductions, feeds). */
import { findReportableMember } from "../../db/repositories/reports.repository";
import { insertBlock } from "../../db/repositories/privacy-settings.repository";
import { invalid, notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function blockMember(
  context: Pick<AppContext, "db" | "now">,
  options: { memberId: number; blockedId: number },
): Promise<void> {
  if (options.blockedId === options.memberId) throw invalid("memberId", "memberId: you cannot block yourself");
  const target = await findReportableMember(context.db, options.blockedId);
  if (!target || !target.hasAccount) throw notFound("Member");
  await insertBlock(context.db, options.memberId, options.blockedId, context.now());
}
