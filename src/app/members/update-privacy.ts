/** My privacy settings: whether the city's openness analytics may name me (organisers' views). */
import { findAnalyticsOptOut, setAnalyticsOptOut } from "../../db/repositories/privacy-settings.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function updatePrivacy(
  context: Pick<AppContext, "db">,
  options: { memberId: number; analyticsOptOut?: boolean | undefined },
): Promise<{ analyticsOptOut: boolean }> {
  if (options.analyticsOptOut !== undefined)
    await setAnalyticsOptOut(context.db, options.memberId, options.analyticsOptOut);
  const current = await findAnalyticsOptOut(context.db, options.memberId);
  if (current === undefined) throw notFound("Member");
  return { analyticsOptOut: current };
}
