/** The notices a member receives when a moderator warns or suspends them, in English and French. */
import type { Notice } from "../notifications/notify-member";

export function moderationNotice(
  action: "warn" | "suspend",
  options: { actionId: number; note: string; host: string },
): Notice {
  const note = options.note.trim();
  const noteEn = note ? `\n\nThe moderator's note: ${note}` : "";
  const noteFr = note ? `\n\nLa note du modérateur : ${note}` : "";
  if (action === "warn")
    return {
      kind: "moderation_warning",
      payload: { actionId: options.actionId },
      subject: { en: "A warning from the Givefirst moderators", fr: "Un avertissement des modérateurs de Givefirst" },
      body: {
        en: `A member reported something you did, and a moderator agreed it breaks the community's rules. Please keep to them: another report may lead to a suspension.${noteEn}`,
        fr: `Un membre a signalé l'un de vos comportements, et un modérateur a estimé qu'il enfreint les règles de la communauté. Merci de les respecter : un nouveau signalement peut entraîner une suspension.${noteFr}`,
      },
      messageId: `moderation-${options.actionId}@${options.host}`,
    };
  return {
    kind: "moderation_suspension",
    payload: { actionId: options.actionId },
    subject: { en: "Your Givefirst account is suspended", fr: "Votre compte Givefirst est suspendu" },
    body: {
      en: `After a report, a moderator suspended your account: you can no longer sign in. Reply to this email to ask for a review.${noteEn}`,
      fr: `Après un signalement, un modérateur a suspendu votre compte : vous ne pouvez plus vous connecter. Répondez à cet e-mail pour demander un réexamen.${noteFr}`,
    },
    messageId: `moderation-${options.actionId}@${options.host}`,
  };
}
