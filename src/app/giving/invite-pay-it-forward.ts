/** The job that invites travellers, once their visit ended, to pay it forward (notification and email). */
import { findRecipient } from "../../db/repositories/events.repository";
import { listEndedTripsToInvite } from "../../db/repositories/gifts.repository";
import type { AppContext } from "../context";
import { mailHost, notifyMember } from "../notifications/notify-member";

/** The job: each visit that ended in the last two days invites its traveller, once, to pay it forward. */
export async function invitePayItForward(context: AppContext): Promise<number> {
  const now = context.now();
  const since = new Date(now.getTime() - 2 * 86_400_000);
  const ended = await listEndedTripsToInvite(context.db, since, now, 500);
  const host = mailHost(context.settings.baseUrl);
  for (const trip of ended) {
    await context.db.transaction(async (tx) => {
      const recipient = await findRecipient(tx, trip.memberId);
      if (!recipient) return;
      await notifyMember(tx, recipient, {
        kind: "pay_it_forward",
        payload: { tripId: trip.tripId },
        subject: { en: "Pay it forward", fr: "À votre tour d'aider" },
        body: {
          en: `Welcome back from ${trip.cityName}. Someone is arriving in your city soon: see who you could help. ${context.settings.baseUrl}/trips/${trip.tripId}/pay-it-forward`,
          fr: `Bon retour de ${trip.cityName}. D'autres arrivent bientôt dans votre ville : voyez qui vous pourriez aider. ${context.settings.baseUrl}/trips/${trip.tripId}/pay-it-forward`,
        },
        messageId: `<trip.${trip.tripId}.pay-it-forward@${host}>`,
      });
    });
  }
  return ended.length;
}
