/** An introduced member accepts or declines, privately. */
import { findRecipient } from "../../db/repositories/events.repository";
import { insertGift } from "../../db/repositories/gifts.repository";
import { findMemberById } from "../../db/repositories/members.repository";
import {
  findIntroductionById,
  markIntroductionAccepted,
  setIntroductionAnswer,
} from "../../db/repositories/introductions.repository";
import { introductionGiftSource } from "../../domain/giving/gift-sources";
import { isAcceptedByBoth, type IntroductionAnswer } from "../../domain/introductions/introduction-rules";
import { AppError, notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import { mailHost, notifyMember } from "../notifications/notify-member";
import { viewIntroduction, type IntroductionView } from "./introduction-view";

/**
 * Records the viewer's answer. Only when both accepted does anything change for the others: the introduction is
 * accepted, the conversation opens, the connector's gifts are recorded. A decline, like an accept still waiting for
 * the other side, changes nothing anyone else can see, and answers the same shape.
 */
export async function answerIntroduction(
  context: AppContext,
  memberId: number,
  introductionId: number,
  answer: "accepted" | "declined",
): Promise<IntroductionView> {
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const row = await findIntroductionById(tx, introductionId, { lock: true });
    if (!row || (row.firstId !== memberId && row.secondId !== memberId)) throw notFound("Introduction");
    const side = row.firstId === memberId ? "first" : "second";
    const current = (side === "first" ? row.firstAnswer : row.secondAnswer) as IntroductionAnswer;
    if (row.status !== "pending" || row.expiresAt.getTime() <= now.getTime() || current === answer)
      return viewIntroduction(row, memberId, now);
    if (current !== "pending") throw new AppError("conflict", "You already answered this introduction");
    const updated = await setIntroductionAnswer(tx, introductionId, side, answer);
    if (isAcceptedByBoth(updated.firstAnswer as IntroductionAnswer, updated.secondAnswer as IntroductionAnswer)) {
      await markIntroductionAccepted(tx, introductionId);
      const connector = await findMemberById(tx, row.connectorId);
      for (const [receiverId, label] of [
        [row.firstId, "A"],
        [row.secondId, "B"],
      ] as const)
        await insertGift(tx, {
          giverId: row.connectorId,
          receiverId,
          kind: "introduction",
          occurredOn: now.toISOString().slice(0, 10),
          cityId: connector?.homeCityId ?? null,
          source: introductionGiftSource(introductionId, label),
        });
      const host = mailHost(context.settings.baseUrl);
      for (const id of [row.connectorId, row.firstId, row.secondId]) {
        const recipient = await findRecipient(tx, id);
        if (!recipient) continue;
        await notifyMember(tx, recipient, {
          kind: "introduction_accepted",
          payload: { introductionId },
          subject: {
            en: `Introduction made: ${row.firstName} and ${row.secondName}`,
            fr: `Présentation faite : ${row.firstName} et ${row.secondName}`,
          },
          body: {
            en: `${row.firstName} and ${row.secondName} both accepted ${row.connectorName}'s introduction. ${context.settings.baseUrl}/introductions/${introductionId}`,
            fr: `${row.firstName} et ${row.secondName} ont accepté la présentation de ${row.connectorName}. ${context.settings.baseUrl}/introductions/${introductionId}`,
          },
          messageId: `<introduction.${introductionId}.accepted.${id}@${host}>`,
        });
      }
    }
    const after = await findIntroductionById(tx, introductionId);
    if (!after) throw new Error("answered introduction not found");
    return viewIntroduction(after, memberId, now);
  });
}
