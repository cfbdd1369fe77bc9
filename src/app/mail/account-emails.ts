/** The account emails (verification, password reset), in the member's language, queued in the outbox. */
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/create-db";
import { insertEmail } from "../../db/repositories/outbox.repository";
import { escapeHtml } from "./escape-html";

type Locale = "en" | "fr";
type AccountEmailKind = "verify_email" | "reset_password";

const texts: Record<
  AccountEmailKind,
  Record<Locale, { subject: string; intro: string; action: string; outro: string }>
> = {
  verify_email: {
    en: {
      subject: "Confirm your email for Givefirst",
      intro: "Welcome to Givefirst, {name}. Confirm your email address to announce trips and offer help:",
      action: "Confirm my email",
      outro: "If you did not sign up, ignore this email.",
    },
    fr: {
      subject: "Confirmez votre adresse pour Givefirst",
      intro:
        "Bienvenue sur Givefirst, {name}. Confirmez votre adresse pour annoncer vos séjours et proposer votre aide :",
      action: "Confirmer mon adresse",
      outro: "Si vous ne vous êtes pas inscrit, ignorez ce message.",
    },
  },
  reset_password: {
    en: {
      subject: "Reset your Givefirst password",
      intro: "Hello {name}, someone asked to reset the password of your Givefirst account. Choose a new one here:",
      action: "Choose a new password",
      outro: "If it was not you, ignore this email: your password stays as it is.",
    },
    fr: {
      subject: "Réinitialisez votre mot de passe Givefirst",
      intro:
        "Bonjour {name}, une réinitialisation du mot de passe de votre compte Givefirst a été demandée. Choisissez-en un nouveau ici :",
      action: "Choisir un nouveau mot de passe",
      outro: "Si ce n'était pas vous, ignorez ce message : votre mot de passe ne change pas.",
    },
  },
};

/** Queues an account email with its link; the text part carries the link in full for plain-text readers. */
export async function queueAccountEmail(
  db: Database,
  options: {
    kind: AccountEmailKind;
    to: string;
    name: string;
    url: string;
    locale: Locale;
    memberId: number | null;
    host: string;
  },
): Promise<void> {
  const text = texts[options.kind][options.locale];
  const intro = text.intro.replace("{name}", options.name);
  await insertEmail(db, {
    memberId: options.memberId,
    toAddress: options.to,
    subject: text.subject,
    kind: options.kind,
    messageId: `<${options.kind}.${randomUUID()}@${options.host}>`,
    textBody: `${intro}\n\n${options.url}\n\n${text.outro}\n`,
    htmlBody: `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(options.url)}">${escapeHtml(text.action)}</a></p><p>${escapeHtml(text.outro)}</p>`,
  });
}
