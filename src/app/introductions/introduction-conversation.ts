/** The conversation of an accepted introduction, between the two introduced members only. */
import type { Database } from "../../db/create-db";
import { isBlockedBetween } from "../../db/repositories/events.repository";
import {
  findIntroductionById,
  findOfferSender,
  insertIntroductionMessage,
  listIntroductionMessages,
  type IntroductionWithNames,
} from "../../db/repositories/introductions.repository";
import { invalid, notFound } from "../../domain/errors";
import type { AppContext } from "../context";

export interface IntroductionMessage {
  id: number;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** The introduction when it is accepted and the viewer is one of the two (who have not blocked each other since). */
async function loadConversation(
  db: Database,
  viewerId: number,
  introductionId: number,
): Promise<IntroductionWithNames> {
  const row = await findIntroductionById(db, introductionId);
  if (
    !row ||
    row.status !== "accepted" ||
    (row.firstId !== viewerId && row.secondId !== viewerId) ||
    (await isBlockedBetween(db, row.firstId, row.secondId))
  )
    throw notFound("Conversation");
  return row;
}

/** The messages, oldest first. */
export async function listConversation(
  context: AppContext,
  viewerId: number,
  introductionId: number,
): Promise<IntroductionMessage[]> {
  await loadConversation(context.db, viewerId, introductionId);
  return listIntroductionMessages(context.db, introductionId);
}

/** Sends a message, optionally pointing the other member to an offer the author made (linked at the end of the text). */
export async function sendConversationMessage(
  context: AppContext,
  viewerId: number,
  introductionId: number,
  input: { body: string; offerId?: number | undefined },
): Promise<IntroductionMessage[]> {
  await loadConversation(context.db, viewerId, introductionId);
  let body = input.body;
  if (input.offerId !== undefined) {
    if ((await findOfferSender(context.db, input.offerId)) !== viewerId)
      throw invalid("offerId", "offerId: not an offer of yours");
    body = `${body}\n\n${context.settings.baseUrl}/offers/${input.offerId}`;
  }
  await insertIntroductionMessage(context.db, { introductionId, authorId: viewerId, body });
  return listIntroductionMessages(context.db, introductionId);
}
