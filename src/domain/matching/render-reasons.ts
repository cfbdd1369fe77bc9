/**
 * Sentences for the alert a local receives: "You were picked because …". The reasons are data (see MatchReason);
 * these renderers turn them into English or French, gender-neutral by naming the traveller instead of using a pronoun.
 */
import type { MatchReason } from "./types";

/** What the sentence needs besides the reasons. */
export interface RenderContext {
  /** The traveller's display name, used in place of "he" or "she". */
  readonly travellerName: string;
}

function listEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function listFrench(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

const extraSignalsEnglish: Readonly<Record<string, string>> = {
  organiser_bridge: "the organisers count you among the people who connect communities",
};
const extraSignalsFrench: Readonly<Record<string, string>> = {
  organiser_bridge: "les organisateurs vous comptent parmi les personnes qui relient les communautés",
};

function clauseEnglish(reason: MatchReason, name: string): string | null {
  switch (reason.code) {
    case "follows_your_work":
      return `you follow ${name}'s work`;
    case "shared_sector":
      return `you both work in ${listEnglish(reason.sectors)}`;
    case "shared_tag":
      return `you share an interest in ${listEnglish(reason.tags)}`;
    case "you_seek_what_they_give":
      return `${name} seeks what you offer (${reason.terms.join(", ")})`;
    case "they_seek_what_you_give":
      return `${name} offers what you are looking for (${reason.terms.join(", ")})`;
    case "mutual_connections":
      return reason.count === 1 ? "you have 1 connection in common" : `you have ${reason.count} connections in common`;
    case "gives_back":
      return "you have a record of helping others";
    case "extra_signal":
      return extraSignalsEnglish[reason.signal] ?? null;
  }
}

function clauseFrench(reason: MatchReason, name: string): string | null {
  switch (reason.code) {
    case "follows_your_work":
      return `vous suivez le travail de ${name}`;
    case "shared_sector":
      return `${name} et vous travaillez dans ce secteur : ${listFrench(reason.sectors)}`;
    case "shared_tag":
      return `${name} et vous partagez un intérêt pour ${listFrench(reason.tags)}`;
    case "you_seek_what_they_give":
      return `${name} cherche ce que vous proposez (${reason.terms.join(", ")})`;
    case "they_seek_what_you_give":
      return `${name} propose ce que vous cherchez (${reason.terms.join(", ")})`;
    case "mutual_connections":
      return reason.count === 1 ? "vous avez 1 relation en commun" : `vous avez ${reason.count} relations en commun`;
    case "gives_back":
      return "vous avez déjà aidé d'autres membres";
    case "extra_signal":
      return extraSignalsFrench[reason.signal] ?? null;
  }
}

/** "You were picked because you both work in fintech and Sam seeks what you offer (investors, internet)." */
export function renderReasonsEnglish(reasons: readonly MatchReason[], context: RenderContext): string {
  const clauses = reasons.flatMap((r) => clauseEnglish(r, context.travellerName) ?? []);
  if (clauses.length === 0) return `You were picked to welcome ${context.travellerName}.`;
  return `You were picked because ${listEnglish(clauses)}.`;
}

/** « Cette alerte vous est envoyée parce que … » — a passive form that needs no gender agreement. */
export function renderReasonsFrench(reasons: readonly MatchReason[], context: RenderContext): string {
  const clauses = reasons.flatMap((r) => clauseFrench(r, context.travellerName) ?? []);
  if (clauses.length === 0) return `Cette alerte vous est envoyée pour accueillir ${context.travellerName}.`;
  const body = listFrench(clauses);
  // "parce que" elides before a vowel: "parce qu'Alex".
  const because = /^[aeiouyâàéèêîôû]/i.test(body) ? "parce qu'" : "parce que ";
  return `Cette alerte vous est envoyée ${because}${body}.`;
}
