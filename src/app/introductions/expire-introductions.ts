/** The expiry job: introductions not accepted by both within 7 days did not happen. */
import { findRecipient } from "../../db/repositories/events.repository";
import { expireDueIntroductions, findIntroductionById } from "../../db/repositories/introductions.repository";
import { toldOfExpiry } from "../../domain/introductions/introduction-rules";
import type { AppContext } from "../context";
import { mailHost, notifyMember } from "../notifications/notify-member";
import { introductionFacts } from "./introduction-view";

/**
 * Expires what is due, in batches, each in one transaction: the connector and whoever accepted hear only that it did
 * not happen, never who declined or whether anyone did. Answers how many expired.
 */
export async function expireIntroductions(context: AppContext, options: { batchSize?: number } = {}): Promise<number> {
  const now = context.now();
  const host = mailHost(context.settings.baseUrl);
  let total = 0;
  for (;;) {
    const count = await context.db.transaction(async (tx) => {
      const expired = await expireDueIntroductions(tx, now, options.batchSize ?? 200);
      for (const { id } of expired) {
        const row = await findIntroductionById(tx, id);
        if (!row) continue;
        for (const memberId of toldOfExpiry(introductionFacts(row))) {
          const recipient = await findRecipient(tx, memberId);
          if (!recipient) continue;
          const isConnector = memberId === row.connectorId;
          const other = memberId === row.firstId ? row.secondName : row.firstName;
          await notifyMember(tx, recipient, {
            kind: "introduction_did_not_happen",
            payload: { introductionId: id },
            subject: { en: "An introduction did not happen", fr: "Une présentation ne s'est pas faite" },
            body: isConnector
              ? {
                  en: `Your introduction of ${row.firstName} and ${row.secondName} did not happen this time. Thank you for thinking of them.`,
                  fr: `Votre présentation de ${row.firstName} et ${row.secondName} ne s'est pas faite cette fois. Merci d'avoir pensé à eux.`,
                }
              : {
                  en: `The introduction to ${other} did not happen this time.`,
                  fr: `La présentation à ${other} ne s'est pas faite cette fois.`,
                },
            messageId: `<introduction.${id}.expired.${memberId}@${host}>`,
          });
        }
      }
      return expired.length;
    });
    total += count;
    if (count === 0) return total;
  }
}
