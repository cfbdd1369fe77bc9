/** Changes the preferences sent; the others stay. The contract has checked every value. */
import {
  updatePreferences as updatePreferencesRow,
  type AlertPreferences,
} from "../../db/repositories/alerts.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export async function updatePreferences(
  context: AppContext,
  viewer: { memberId: number },
  changes: Partial<AlertPreferences>,
): Promise<AlertPreferences> {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const found = await updatePreferencesRow(context.db, viewer.memberId, defined);
  if (!found) throw notFound("Member");
  return found;
}
