/** The daily digest email: sections of what accumulated (alerts, offers, agenda changes), in the reader's language. */
import { escapeHtml } from "../mail/escape-html";
import type { EmailContent } from "./alert-email";

type Locale = "en" | "fr";

export interface DigestItem {
  text: string;
  url: string;
}

export interface DigestSections {
  alerts: DigestItem[];
  offers: DigestItem[];
  agenda: DigestItem[];
}

const words: Record<
  Locale,
  {
    alertsOnlySubject: string;
    subject: string;
    headings: Record<keyof DigestSections, string>;
    links: Record<keyof DigestSections, string>;
    unsubscribe: string;
  }
> = {
  en: {
    alertsOnlySubject: "Who arrives in your city: {count} new alerts",
    subject: "Your Givefirst digest: {count} new items",
    headings: { alerts: "Who arrives in your city", offers: "Offers for your trips", agenda: "Your agenda changed" },
    links: { alerts: "Offer help", offers: "See the offer", agenda: "See your agenda" },
    unsubscribe: "Stop these emails",
  },
  fr: {
    alertsOnlySubject: "Qui arrive dans votre ville : {count} nouvelles alertes",
    subject: "Votre résumé Givefirst : {count} nouveautés",
    headings: {
      alerts: "Qui arrive dans votre ville",
      offers: "Propositions pour vos séjours",
      agenda: "Votre agenda a changé",
    },
    links: { alerts: "Proposer mon aide", offers: "Voir la proposition", agenda: "Voir votre agenda" },
    unsubscribe: "Ne plus recevoir ces e-mails",
  },
};

const order: (keyof DigestSections)[] = ["alerts", "offers", "agenda"];

/** The digest of one member; `count` items in all. */
export function digestEmail(
  sections: DigestSections,
  options: { locale: Locale; unsubscribeUrl: string },
): EmailContent {
  const w = words[options.locale];
  const count = order.reduce((sum, key) => sum + sections[key].length, 0);
  const alertsOnly = sections.offers.length === 0 && sections.agenda.length === 0;
  const subject = (alertsOnly ? w.alertsOnlySubject : w.subject).replace("{count}", String(count));
  const filled = order.filter((key) => sections[key].length > 0);
  // A digest of alerts alone reads as before: no heading over its one section.
  const withHeadings = !alertsOnly;
  const textBody =
    filled
      .map(
        (key) =>
          (withHeadings ? `${w.headings[key]}\n\n` : "") +
          sections[key].map((item) => `${item.text}\n${w.links[key]}: ${item.url}`).join("\n\n"),
      )
      .join("\n\n") + `\n\n--\n${w.unsubscribe}: ${options.unsubscribeUrl}\n`;
  const htmlBody =
    filled
      .map(
        (key) =>
          (withHeadings ? `<h2>${escapeHtml(w.headings[key])}</h2>` : "") +
          sections[key]
            .map(
              (item) =>
                `<p>${escapeHtml(item.text)}</p><p><a href="${escapeHtml(item.url)}">${escapeHtml(w.links[key])}</a></p>`,
            )
            .join(""),
      )
      .join("") +
    `<hr><p><small><a href="${escapeHtml(options.unsubscribeUrl)}">${escapeHtml(w.unsubscribe)}</a></small></p>`;
  return { subject, textBody, htmlBody };
}
