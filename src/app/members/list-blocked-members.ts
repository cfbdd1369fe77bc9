/** The members I blocked, latest first. */
import { listBlockedBy } from "../../db/repositories/privacy-settings.repository";
import type { AppContext } from "../context";

export async function listBlockedMembers(
  context: Pick<AppContext, "db">,
  options: { memberId: number },
): Promise<{ memberId: number; name: string; blockedAt: Date }[]> {
  return listBlockedBy(context.db, options.memberId);
}
