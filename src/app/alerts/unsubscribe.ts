/** The one-click unsubscribe link of alert emails: turns the member's alert emails off; in-app alerts remain. */
import { updatePreferences } from "../../db/repositories/alerts.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { readUnsubscribeToken } from "./unsubscribe-token";

export async function unsubscribe(context: AppContext, token: string, secret: string): Promise<{ memberId: number }> {
  const memberId = readUnsubscribeToken(token, secret);
  if (memberId === null) throw notFound("Subscription");
  const updated = await updatePreferences(context.db, memberId, { emailPreference: "off" });
  if (!updated) throw notFound("Subscription");
  return { memberId };
}
