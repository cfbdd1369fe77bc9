/** The email that tells a traveller about a new offer, in the traveller's language, queued in the outbox. */
import type { Database } from "../../db/create-db";
import { insertEmail } from "../../db/repositories/outbox.repository";
import type { OfferKind } from "../../domain/offers/offer-kinds";
import { escapeHtml } from "../mail/escape-html";

type Locale = "en" | "fr";

const kindNames: Record<Locale, Record<OfferKind, string>> = {
  en: {
    coffee: "a coffee",
    lunch: "a lunch",
    dinner: "a dinner",
    visit: "a visit",
    event_invitation: "an invitation to an event",
    introduction: "an introduction",
    advice: "advice",
  },
  fr: {
    coffee: "un café",
    lunch: "un déjeuner",
    dinner: "un dîner",
    visit: "une visite",
    event_invitation: "une invitation à un événement",
    introduction: "une mise en relation",
    advice: "des conseils",
  },
};

const texts: Record<Locale, { subject: string; intro: string; action: string; outro: string }> = {
  en: {
    subject: "{sender} offers you {kind} in {city}",
    intro: "Hello {name}, {sender} answered your trip to {city} and offers you {kind}:",
    action: "See the offer",
    outro: "Accept it, pick a time, ask for another one or decline kindly: it is all on your trip's page.",
  },
  fr: {
    subject: "{sender} vous propose {kind} à {city}",
    intro: "Bonjour {name}, {sender} a répondu à votre séjour à {city} et vous propose {kind} :",
    action: "Voir la proposition",
    outro:
      "Acceptez, choisissez un horaire, demandez-en un autre ou déclinez avec un mot gentil, depuis la page de votre séjour.",
  },
};

/** "Ana offers you a coffee in Miami", in the reader's language: the email's subject and the digest's line. */
export function newOfferLine(options: {
  senderName: string;
  kind: OfferKind;
  cityName: string;
  locale: string;
}): string {
  const locale: Locale = options.locale === "fr" ? "fr" : "en";
  return texts[locale].subject
    .replaceAll("{sender}", options.senderName)
    .replaceAll("{city}", options.cityName)
    .replaceAll("{kind}", kindNames[locale][options.kind]);
}

/** Queues the new-offer email; its Message-ID is stable per offer, so a retried cause queues it once. */
export async function queueNewOfferEmail(
  db: Database,
  options: {
    offerId: number;
    tripId: number;
    kind: OfferKind;
    message: string;
    to: string;
    memberId: number;
    travellerName: string;
    senderName: string;
    cityName: string;
    locale: string;
    baseUrl: string;
  },
): Promise<void> {
  const locale: Locale = options.locale === "fr" ? "fr" : "en";
  const text = texts[locale];
  const fill = (template: string) =>
    template
      .replaceAll("{name}", options.travellerName)
      .replaceAll("{sender}", options.senderName)
      .replaceAll("{city}", options.cityName)
      .replaceAll("{kind}", kindNames[locale][options.kind]);
  const url = `${options.baseUrl}/trips/${options.tripId}#offer-${options.offerId}`;
  const intro = fill(text.intro);
  const quoted = options.message ? `\n\n« ${options.message} »` : "";
  await insertEmail(db, {
    memberId: options.memberId,
    toAddress: options.to,
    subject: fill(text.subject),
    kind: "new_offer",
    messageId: `<offer-${options.offerId}@${new URL(options.baseUrl).hostname}>`,
    textBody: `${intro}${quoted}\n\n${url}\n\n${text.outro}\n`,
    htmlBody:
      `<p>${escapeHtml(intro)}</p>` +
      (options.message ? `<blockquote>${escapeHtml(options.message)}</blockquote>` : "") +
      `<p><a href="${escapeHtml(url)}">${escapeHtml(text.action)}</a></p><p>${escapeHtml(text.outro)}</p>`,
  });
}
