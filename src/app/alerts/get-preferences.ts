/** My alert preferences: email (instant, daily digest, off), pause, weekly cap, default trip audience, language. */
import { findPreferences, type AlertPreferences } from "../../db/repositories/alerts.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function getPreferences(context: AppContext, viewer: { memberId: number }): Promise<AlertPreferences> {
  const found = await findPreferences(context.db, viewer.memberId);
  if (!found) throw notFound("Member");
  return found;
}
