/** A connector proposes to introduce two members; each is asked privately. */
import { findRecipient, isBlockedBetween } from "../../db/repositories/events.repository";
import {
  findIntroductionById,
  findPendingIntroduction,
  insertIntroductionWithinLimit,
} from "../../db/repositories/introductions.repository";
import {
  introductionExpiry,
  introductionsPerWindow,
  secondsUntilSlotFrees,
  windowStart,
} from "../../domain/introductions/introduction-rules";
import { AppError, invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { mailHost, notifyMember } from "../notifications/notify-member";
import { viewIntroduction, type IntroductionView } from "./introduction-view";

const cannotBeIntroduced = () => new AppError("conflict", "These members cannot be introduced");

/**
 * Proposes the introduction. Blocks between any two of the three answer only "cannot be introduced"; more than 10
 * proposals in a rolling 24 hours answer 429 with the seconds until one frees.
 */
export async function proposeIntroduction(
  context: AppContext,
  connectorId: number,
  input: { firstId: number; secondId: number; reason: string },
): Promise<IntroductionView> {
  const { firstId, secondId } = input;
  if (firstId === connectorId) throw invalid("firstId", "firstId: you cannot introduce yourself");
  if (secondId === connectorId) throw invalid("secondId", "secondId: you cannot introduce yourself");
  if (firstId === secondId) throw invalid("secondId", "secondId: introduce two different members");
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const [first, second] = [await findRecipient(tx, firstId), await findRecipient(tx, secondId)];
    if (!first) throw invalid("firstId", "firstId: no such member");
    if (!second) throw invalid("secondId", "secondId: no such member");
    for (const [a, b] of [
      [firstId, secondId],
      [connectorId, firstId],
      [connectorId, secondId],
    ] as const)
      if (await isBlockedBetween(tx, a, b)) throw cannotBeIntroduced();
    if (await findPendingIntroduction(tx, connectorId, firstId, secondId))
      throw new AppError("conflict", "You already proposed this introduction");
    const result = await insertIntroductionWithinLimit(
      tx,
      {
        connectorId,
        firstId,
        secondId,
        reason: input.reason,
        createdAt: now,
        expiresAt: new Date(introductionExpiry(now.getTime())),
      },
      { since: new Date(windowStart(now.getTime())), limit: introductionsPerWindow },
    );
    if ("oldestInWindow" in result) {
      const seconds = secondsUntilSlotFrees(result.oldestInWindow.getTime(), now.getTime());
      throw new AppError(
        "rate_limited",
        `At most ${introductionsPerWindow} introductions in 24 hours; the next is possible in ${seconds} seconds`,
        { retryAfterSeconds: seconds },
      );
    }
    const created = await findIntroductionById(tx, result.inserted.id);
    if (!created) throw new Error("created introduction not found");
    const host = mailHost(context.settings.baseUrl);
    for (const [recipient, other] of [
      [first, second],
      [second, first],
    ] as const) {
      await notifyMember(tx, recipient, {
        kind: "introduction_proposed",
        payload: { introductionId: created.id },
        subject: {
          en: `${created.connectorName} would like to introduce you to ${other.name}`,
          fr: `${created.connectorName} aimerait vous présenter ${other.name}`,
        },
        body: {
          en: `${created.connectorName} would like to introduce you to ${other.name}: ${input.reason}\nAccept or decline privately: nobody is told if you decline. ${context.settings.baseUrl}/introductions/${created.id}`,
          fr: `${created.connectorName} aimerait vous présenter ${other.name} : ${input.reason}\nAcceptez ou déclinez en privé : personne ne saura si vous déclinez. ${context.settings.baseUrl}/introductions/${created.id}`,
        },
        messageId: `<introduction.${created.id}.proposed.${recipient.memberId}@${host}>`,
      });
    }
    return viewIntroduction(created, connectorId, now);
  });
}
