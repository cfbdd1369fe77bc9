/** The words of "your agenda changed", in the traveller's language: the email and the digest's line. */
import { escapeHtml } from "../mail/escape-html";
import type { AgendaChanges, AgendaPlan } from "./agenda-plan";

type Locale = "en" | "fr";

const texts: Record<
  Locale,
  { subject: string; intro: string; added: string; removed: string; moved: string; action: string }
> = {
  en: {
    subject: "Your agenda in {city} changed",
    intro: "Hello {name}, your agenda in {city} changed:",
    added: "added: {items}",
    removed: "no longer in it: {items}",
    moved: "moved: {items}",
    action: "See your agenda",
  },
  fr: {
    subject: "Votre agenda à {city} a changé",
    intro: "Bonjour {name}, votre agenda à {city} a changé :",
    added: "ajouté : {items}",
    removed: "retiré : {items}",
    moved: "déplacé : {items}",
    action: "Voir votre agenda",
  },
};

export const asAgendaLocale = (locale: string): Locale => (locale === "fr" ? "fr" : "en");

/** Who each changed item is with, e.g. "Ana (lunch)", per kind of change: kept in the notification for the digest. */
export interface DescribedChanges {
  added: string[];
  removed: string[];
  moved: string[];
}

/** Names the changed items from the plans that hold them. */
export function describeChanges(
  changes: AgendaChanges,
  plans: { previous: AgendaPlan | null; plan: AgendaPlan },
): DescribedChanges {
  const name = (id: string): string => {
    for (const plan of [plans.plan, plans.previous]) {
      const item = plan?.chosen.find((entry) => entry.id === id) ?? plan?.unscheduled.find((entry) => entry.id === id);
      if (item) return `${item.counterpart.name} (${item.kind})`;
    }
    return id;
  };
  return { added: changes.added.map(name), removed: changes.removed.map(name), moved: changes.moved.map(name) };
}

/** One line per kind of change, in the reader's language. */
export function agendaChangeLines(described: DescribedChanges, locale: Locale): string[] {
  const text = texts[locale];
  const lines: string[] = [];
  if (described.added.length > 0) lines.push(text.added.replace("{items}", described.added.join(", ")));
  if (described.removed.length > 0) lines.push(text.removed.replace("{items}", described.removed.join(", ")));
  if (described.moved.length > 0) lines.push(text.moved.replace("{items}", described.moved.join(", ")));
  return lines;
}

/** "Your agenda in Miami changed", in the reader's language. */
export function agendaChangedSubject(cityName: string, locale: Locale): string {
  return texts[locale].subject.replaceAll("{city}", cityName);
}

/** The email's subject and bodies. */
export function agendaChangedEmail(options: {
  locale: Locale;
  travellerName: string;
  cityName: string;
  lines: readonly string[];
  url: string;
}): { subject: string; textBody: string; htmlBody: string } {
  const text = texts[options.locale];
  const fill = (template: string) =>
    template.replaceAll("{name}", options.travellerName).replaceAll("{city}", options.cityName);
  const intro = fill(text.intro);
  return {
    subject: fill(text.subject),
    textBody: `${intro}\n\n${options.lines.map((line) => `- ${line}`).join("\n")}\n\n${options.url}\n`,
    htmlBody:
      `<p>${escapeHtml(intro)}</p><ul>${options.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>` +
      `<p><a href="${escapeHtml(options.url)}">${escapeHtml(text.action)}</a></p>`,
  };
}
