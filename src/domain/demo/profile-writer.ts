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
import { fillText, memoizedText } from "./text-fill";
import type { CareerStage, CityKey, Locale, Sector } from "./types";

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

// Built once, so that a drawn name is a shared constant string rather than a fresh concatenation.
const companyNames: readonly string[] = companyPrefixes.flatMap((prefix) =>
  companySuffixes.map((suffix) => (suffix === "AI" ? `${prefix} AI` : `${prefix}${suffix}`)),
);
const yearTexts: readonly string[] = Array.from({ length: 100 }, (_, years) => String(years));
const tagNumbers = new Map<string, number>(Object.keys(tagPhrases).map((tag, position) => [tag, position + 1]));
const localeNumbers: Record<Locale, number> = { en: 0, fr: 1, es: 2 };

/** A number that identifies a list of tags in order, in a language, for gives (0) or seeks (1). */
function tagListKey(tags: readonly string[], locale: Locale, side: 0 | 1): number {
  let key = 0;
  for (const tag of tags.slice(0, 8)) key = key * 64 + (tagNumbers.get(tag) ?? 63);
  return (key * 3 + localeNumbers[locale]) * 2 + side;
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
    company: rng.pick(companyNames),
    fund: rng.pick(fundNames),
    school: rng.pick(schoolsByCity[input.cityKey]),
    city: input.cityName,
    country: input.from,
    years: yearTexts[input.yearsInCity] ?? String(input.yearsInCity),
  };
  const headline = fillText(rng.pick(headlineTemplates[locale][input.careerStage]), values);
  const opening = fillText(rng.pick(bioOpenings[locale][input.story]), values);
  const work = fillText(rng.pick(bioWork[locale]), values);
  const closing = input.isActiveGiver ? rng.pick(giverClosings[locale]) : "";
  return {
    headline,
    // Concatenation makes a rope over the shared sentences, not a copy.
    bio: closing ? `${opening} ${work} ${closing}` : `${opening} ${work}`,
    gives: memoizedText(
      tagListKey(input.giveTags, locale, 0),
      () => `${givesIntro[locale]}${phraseList(input.giveTags, locale)}.`,
    ),
    seeks: memoizedText(
      tagListKey(input.seekTags, locale, 1),
      () => `${seeksIntro[locale]}${phraseList(input.seekTags, locale)}.`,
    ),
  };
}
