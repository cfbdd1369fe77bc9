/** A member's giving record, as profiles show it: gifts given and received, recent thanks, newcomers helped. */
import { findRecipient, isBlockedBetween } from "../../db/repositories/events.repository";
import { countGiving, listGifts, listThanksReceived, type LedgerEntry } from "../../db/repositories/gifts.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export interface GivingRecord {
  memberId: number;
  name: string;
  given: number;
  received: number;
  newcomersHelped: number;
  recentGiven: LedgerEntry[];
  recentReceived: LedgerEntry[];
  recentThanks: LedgerEntry[];
}

/** The record of `memberId`; 404 when the member is missing or blocked with the viewer either way. */
export async function getGivingRecord(
  context: AppContext,
  viewerId: number | null,
  memberId: number,
): Promise<GivingRecord> {
  const member = await findMemberForRecord(context, viewerId, memberId);
  const counts = await countGiving(context.db, memberId);
  return {
    memberId,
    name: member.name,
    ...counts,
    recentGiven: await listGifts(context.db, memberId, "giver", 20, viewerId),
    recentReceived: await listGifts(context.db, memberId, "receiver", 20, viewerId),
    recentThanks: await listThanksReceived(context.db, memberId, 10, viewerId),
  };
}

async function findMemberForRecord(context: AppContext, viewerId: number | null, memberId: number) {
  const member = await findRecipient(context.db, memberId);
  if (!member) throw notFound("Member");
  if (viewerId !== null && viewerId !== memberId && (await isBlockedBetween(context.db, viewerId, memberId)))
    throw notFound("Member");
  return member;
}
