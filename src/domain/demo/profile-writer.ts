import type { Rng } from "../random";
import {
  bioOpenings,
  bioWork,
  companyPrefixes,
  companySuffixes,
  fundNames,
  giverClosings,
  givesIntro,
  headlineTemplates,
  listJoiner,
  schoolsByCity,
  sectorLabels,
  seeksIntro,
  tagPhrases,
} from "./profile-texts";
import type { CareerStage, CityKey, Locale, Role, Sector } from "./types";

/** Country names as written in each profile language. */
const countryNames: Record<string, Record<Locale, string>> = {
  US: { en: "the US", fr: "les États-Unis", es: "Estados Unidos" },
  CU: { en: "Cuba", fr: "Cuba", es: "Cuba" },
  VE: { en: "Venezuela", fr: "le Venezuela", es: "Venezuela" },
  CO: { en: "Colombia", fr: "la Colombie", es: "Colombia" },
  AR: { en: "Argentina", fr: "l'Argentine", es: "Argentina" },
  MX: { en: "Mexico", fr: "le Mexique", es: "México" },
  ES: { en: "Spain", fr: "l'Espagne", es: "España" },
  PE: { en: "Peru", fr: "le Pérou", es: "Perú" },
  DO: { en: "the Dominican Republic", fr: "la République dominicaine", es: "República Dominicana" },
  FR: { en: "France", fr: "la France", es: "Francia" },
  GB: { en: "the UK", fr: "le Royaume-Uni", es: "el Reino Unido" },
  DE: { en: "Germany", fr: "l'Allemagne", es: "Alemania" },
  IT: { en: "Italy", fr: "l'Italie", es: "Italia" },
  BR: { en: "Brazil", fr: "le Brésil", es: "Brasil" },
};

/** How a profile names where its author comes from: a country, or a home city for people who moved within it. */
export function countryLabel(countryCode: string, locale: Locale): string {
  return countryNames[countryCode]?.[locale] ?? countryCode;
}

const templateParts = new Map<string, string[]>();
const filledByTemplate = new Map<string, Map<string, string>>();
const memo = new Map<string, string>();

/**
 * Fills {placeholders}. Texts are drawn from small pools, so the same text recurs: memoizing (per template, keyed by
 * the short values only) shares one string between members, which keeps a 100,000-member world small and fast.
 */
function fill(template: string, values: Record<string, string>): string {
  let parts = templateParts.get(template);
  let filled = filledByTemplate.get(template);
  if (parts === undefined || filled === undefined) {
    parts = template.split(/\{(\w+)\}/);
    filled = new Map();
    templateParts.set(template, parts);
    filledByTemplate.set(template, filled);
  }
  let key = "";
  for (let k = 1; k < parts.length; k += 2) key += `${values[parts[k] ?? ""] ?? ""}\u0000`;
  let text = filled.get(key);
  if (text === undefined) {
    const used = parts;
    text = used.map((part, k) => (k % 2 === 1 ? (values[part] ?? `{${part}}`) : part)).join("");
    if (filled.size < 20_000) filled.set(key, text);
  }
  return text;
}

function memoized(key: string, build: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    text = build();
    if (memo.size < 50_000) memo.set(key, text);
  }
  return text;
}

function companyName(rng: Rng): string {
  const suffix = rng.pick(companySuffixes);
  const prefix = rng.pick(companyPrefixes);
  return suffix === "ly" || suffix === "AI" ? `${prefix}${suffix === "AI" ? " AI" : "ly"}` : `${prefix}${suffix}`;
}

function phraseList(tags: readonly string[], locale: Locale): string {
  const phrases = tags.map((tag) => tagPhrases[tag]?.[locale] ?? tag);
  if (phrases.length <= 1) return phrases.join("");
  return `${phrases.slice(0, -1).join(", ")}${listJoiner[locale]}${phrases[phrases.length - 1] ?? ""}`;
}

export interface ProfileTextInput {
  cityKey: CityKey;
  cityName: string;
  locale: Locale;
  role: Role;
  careerStage: CareerStage;
  mainSector: Sector;
  /** "newcomer", "expat" (moved in years ago) or "local". */
  story: "local" | "expat" | "newcomer";
  /** Where the member came from, already in the profile's language; empty for locals. */
  from: string;
  yearsInCity: number;
  isActiveGiver: boolean;
  giveTags: readonly string[];
  seekTags: readonly string[];
}

export interface ProfileTexts {
  headline: string;
  bio: string;
  gives: string;
  seeks: string;
}

/** Writes a plausible headline, bio and give / seek texts in the member's language. */
export function writeProfileTexts(rng: Rng, input: ProfileTextInput): ProfileTexts {
  const { locale } = input;
  const values = {
    sector: sectorLabels[input.mainSector][locale],
    company: companyName(rng),
    fund: rng.pick(fundNames),
    school: rng.pick(schoolsByCity[input.cityKey]),
    city: input.cityName,
    country: input.from,
    years: String(input.yearsInCity),
  };
  const headline = fill(rng.pick(headlineTemplates[locale][input.careerStage]), values);
  const opening = fill(rng.pick(bioOpenings[locale][input.story]), values);
  const work = fill(rng.pick(bioWork[locale]), values);
  const closing = input.isActiveGiver ? rng.pick(giverClosings[locale]) : "";
  return {
    headline,
    // Concatenation makes a rope over the shared sentences, not a copy.
    bio: closing ? `${opening} ${work} ${closing}` : `${opening} ${work}`,
    gives: memoized(`g${locale}${input.giveTags.join()}`, () => `${givesIntro[locale]}${phraseList(input.giveTags, locale)}.`),
    seeks: memoized(`s${locale}${input.seekTags.join()}`, () => `${seeksIntro[locale]}${phraseList(input.seekTags, locale)}.`),
  };
}
