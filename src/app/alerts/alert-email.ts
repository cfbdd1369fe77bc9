/**
 * The words of an alert for one local, in their language: the headline, why they were picked, the question, and
 * one-click links to the trip and to unsubscribe. Used for the instant email, the digest and the in-app view.
 */
import type { MatchReason } from "../../domain/matching/types";
import { renderReasonsEnglish, renderReasonsFrench } from "../../domain/matching/render-reasons";
import { alertHeadline, alertQuestion, type Locale, type StayForText } from "../../domain/trips/alert-text";
import { escapeHtml } from "../mail/escape-html";

export interface AlertTripFacts extends StayForText {
  readonly tripId: number;
  readonly travellerName: string;
  readonly cityName: string;
  readonly cityNameFr: string | null;
}

export const asLocale = (value: string): Locale => (value === "fr" ? "fr" : "en");

/** "Pierre arrives in Miami Tue 1 – Fri 4 Dec. You were picked because … How can you help?" */
export function alertText(trip: AlertTripFacts, reasons: readonly MatchReason[], locale: Locale): string {
  const city = locale === "fr" ? (trip.cityNameFr ?? trip.cityName) : trip.cityName;
  const headline = alertHeadline(trip, { traveller: trip.travellerName, city }, locale);
  const render = locale === "fr" ? renderReasonsFrench : renderReasonsEnglish;
  return `${headline}. ${render(reasons, { travellerName: trip.travellerName })} ${alertQuestion(locale)}`;
}

export function alertSubject(trip: AlertTripFacts, locale: Locale): string {
  const city = locale === "fr" ? (trip.cityNameFr ?? trip.cityName) : trip.cityName;
  return alertHeadline(trip, { traveller: trip.travellerName, city }, locale);
}

const footer: Record<Locale, { open: string; unsubscribe: string; digestSubject: string }> = {
  en: {
    open: "Offer help",
    unsubscribe: "Stop alert emails",
    digestSubject: "Who arrives in your city: {count} new alerts",
  },
  fr: {
    open: "Proposer mon aide",
    unsubscribe: "Ne plus recevoir ces e-mails",
    digestSubject: "Qui arrive dans votre ville : {count} nouvelles alertes",
  },
};

export interface EmailContent {
  subject: string;
  textBody: string;
  htmlBody: string;
}

/** One or more alerts as an email body with their trip links and an unsubscribe link. */
export function alertEmail(
  items: readonly { text: string; tripUrl: string }[],
  options: { locale: Locale; subject?: string; unsubscribeUrl: string },
): EmailContent {
  const words = footer[options.locale];
  const subject = options.subject ?? words.digestSubject.replace("{count}", String(items.length));
  const textBody =
    items.map((item) => `${item.text}\n${words.open}: ${item.tripUrl}`).join("\n\n") +
    `\n\n--\n${words.unsubscribe}: ${options.unsubscribeUrl}\n`;
  const htmlBody =
    items
      .map(
        (item) =>
          `<p>${escapeHtml(item.text)}</p><p><a href="${escapeHtml(item.tripUrl)}">${escapeHtml(words.open)}</a></p>`,
      )
      .join("") +
    `<hr><p><small><a href="${escapeHtml(options.unsubscribeUrl)}">${escapeHtml(words.unsubscribe)}</a></small></p>`;
  return { subject, textBody, htmlBody };
}
