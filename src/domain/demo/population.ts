import type { Rng } from "../random";
import { citySectorWeights, demoCities, sectorNeighborhoods } from "./cities";
import { epochDayToIsoDate } from "./dates";
import { ecosystemParameters, pickWeighted } from "./ecosystems";
import { asciiSlug, namePools, originCountries } from "./names";
import type { NameOrigin } from "./names";
import { roleTags } from "./profile-texts";
import { countryLabel, writeProfileTexts } from "./profile-writer";
import type { CareerStage, CityKey, DemoMember, EpochDay, Locale, Origin, Role, Sector } from "./types";

/** A city's members with the structural traits the network builder needs, in typed arrays indexed by local index. */
export interface CityPopulation {
  cityKey: CityKey;
  /** Index in the world's members array of this city's first member. */
  baseIndex: number;
  count: number;
  communityCount: number;
  community: Int32Array;
  /** Expected number of ties, before deduplication. */
  targetDegree: Float64Array;
  isNewcomer: Uint8Array;
  isActiveGiver: Uint8Array;
  isGatekeeper: Uint8Array;
  /** First day the member lived in the city: ties start after it. */
  startDay: Int32Array;
  /** Day the member joined the platform: follows start after it. */
  joinedDay: Int32Array;
  /** Local indices of the gatekeepers; `gatekeeperOfCommunity[c]` is the one who controls community c (-1: none). */
  gatekeepers: number[];
  gatekeeperOfCommunity: Int32Array;
  communitySectors: Sector[];
  members: DemoMember[];
}

export interface PopulationInput {
  rng: Rng;
  cityKey: CityKey;
  count: number;
  baseIndex: number;
  nowDay: EpochDay;
}

const allSectors = (cityKey: CityKey): Sector[] => citySectorWeights[cityKey].map(([sector]) => sector);

/** A log-normal factor of mean 1: most members have a few ties, some many. */
function spread(rng: Rng, sigma: number): number {
  const u1 = Math.max(rng.next(), 1e-12);
  const gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.next());
  return Math.exp(sigma * gaussian - (sigma * sigma) / 2);
}

function careerStageOf(rng: Rng, role: Role): CareerStage {
  switch (role) {
    case "founder":
      return rng.next() < 0.6 ? "first_time_founder" : "experienced_founder";
    case "investor":
      return "investor";
    case "executive":
      return "executive";
    case "freelancer":
      return "independent";
    case "student":
      return "student";
  }
}

function localeOf(rng: Rng, cityKey: CityKey, nameOrigin: NameOrigin): Locale {
  const draw = rng.next();
  if (cityKey === "miami") {
    if (nameOrigin === "hispanic") return draw < 0.4 ? "es" : "en";
    if (nameOrigin === "french") return draw < 0.7 ? "fr" : "en";
    return "en";
  }
  if (nameOrigin === "french") return "fr";
  if (nameOrigin === "hispanic") return draw < 0.4 ? "es" : "fr";
  return draw < 0.6 ? "en" : "fr";
}

function languagesOf(rng: Rng, cityKey: CityKey, locale: Locale, nameOrigin: NameOrigin): Locale[] {
  // The profile's language, then the heritage language, then the city's, then a second one some people speak.
  const heritage: Locale | null = nameOrigin === "hispanic" ? "es" : nameOrigin === "french" ? "fr" : null;
  const cityLanguage: Locale = cityKey === "miami" ? "en" : "fr";
  const second: Locale | null =
    cityKey === "miami" ? (rng.next() < 0.2 ? "es" : null) : rng.next() < 0.45 ? "en" : null;
  const languages: Locale[] = [locale];
  for (const language of [heritage, cityLanguage, second]) {
    if (language !== null && !languages.includes(language)) languages.push(language);
  }
  return languages;
}

/** `count` distinct tags of the pool in random order (a partial shuffle, without copying the pool). */
function pickTags(rng: Rng, pool: readonly string[], count: number): string[] {
  const tags: string[] = [];
  while (tags.length < Math.min(count, pool.length)) {
    const tag = rng.pick(pool);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * Draws a city's members: names, languages, roles, origins, arrival dates, sectors, planted communities, gatekeepers
 * and active givers, and writes their profiles. Local index 0 of Toulouse is reserved for the story's entrepreneur
 * (overwritten by the caller); he is placed in a social-internet community.
 */
export function generatePopulation({ rng, cityKey, count, baseIndex, nowDay }: PopulationInput): CityPopulation {
  const parameters = ecosystemParameters[cityKey];
  const city = demoCities.find((candidate) => candidate.key === cityKey);
  if (city === undefined) throw new RangeError(`unknown city ${cityKey}`);
  const communityCount = Math.max(3, Math.round(count / parameters.communitySize));
  const communitySectors = Array.from({ length: communityCount }, () =>
    pickWeighted(rng.next, citySectorWeights[cityKey]),
  );
  communitySectors[0] = "social_internet";

  const community = new Int32Array(count);
  const targetDegree = new Float64Array(count);
  const isNewcomer = new Uint8Array(count);
  const isActiveGiver = new Uint8Array(count);
  const isGatekeeper = new Uint8Array(count);
  const startDay = new Int32Array(count);
  const joinedDayOf = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    // Lower-numbered communities are a little larger, so that sizes vary.
    community[i] = rng.next() < 0.3 ? rng.int(Math.ceil(communityCount / 2)) : rng.int(communityCount);
  }
  community[0] = 0;

  // Gatekeepers: one per block of communities, living in one of the communities they control.
  const gatekeeperCount = Math.min(parameters.gatekeeperCount(communityCount), Math.max(0, count - 1));
  const gatekeepers: number[] = [];
  const gatekeeperOfCommunity = new Int32Array(communityCount).fill(-1);
  for (let g = 0; g < gatekeeperCount; g++) {
    // Skip local 0, the story's entrepreneur, who is no baron.
    let candidate = 1 + rng.int(count - 1);
    while (isGatekeeper[candidate] === 1) candidate = 1 + rng.int(count - 1);
    isGatekeeper[candidate] = 1;
    community[candidate] = g % communityCount;
    gatekeepers.push(candidate);
  }
  for (let c = 0; c < communityCount && gatekeeperCount > 0; c++) {
    gatekeeperOfCommunity[c] = gatekeepers[c % gatekeeperCount] ?? -1;
  }

  const sectors = allSectors(cityKey);
  const members: DemoMember[] = new Array<DemoMember>(count);
  for (let i = 0; i < count; i++) {
    const gatekeeper = isGatekeeper[i] === 1;
    const nameOrigin = gatekeeper
      ? cityKey === "miami"
        ? "american"
        : "french"
      : pickWeighted(rng.next, parameters.nameOrigins);
    const pool = namePools[nameOrigin];
    const firstName = rng.pick(pool.firstNames);
    const lastName = rng.pick(pool.lastNames);
    const newcomer = !gatekeeper && i !== 0 && rng.next() < parameters.newcomerShare;
    const bornAbroad =
      nameOrigin === "hispanic" ? rng.next() < 0.5 : nameOrigin !== (cityKey === "miami" ? "american" : "french");
    const origin: Origin = bornAbroad && !gatekeeper ? "expat" : "local";
    const countryCode = origin === "expat" ? rng.pick(originCountries[nameOrigin]) : city.countryCode;
    const movedIn = newcomer || origin === "expat" || (!gatekeeper && rng.next() < 0.35);
    const arrivedDay = newcomer
      ? nowDay - 7 - rng.int(170)
      : movedIn
        ? nowDay - 365 * (1 + rng.int(14)) - rng.int(365)
        : null;
    startDay[i] = arrivedDay ?? nowDay - 365 * 20;
    const joinedDay = Math.max(startDay[i] ?? nowDay, nowDay - 3 * 365) + 1;
    const joinedOn = Math.min(nowDay, joinedDay + rng.int(Math.max(1, nowDay - joinedDay)));
    joinedDayOf[i] = joinedOn;

    const role: Role = gatekeeper
      ? rng.next() < 0.6
        ? "executive"
        : "investor"
      : pickWeighted(rng.next, parameters.roles);
    const careerStage = careerStageOf(rng, role);
    const activeGiver = !newcomer && role !== "student" && rng.next() < parameters.activeGiverShare * 1.2;
    const locale = localeOf(rng, cityKey, nameOrigin);
    const communityOfMember = community[i] ?? 0;
    const mainSector =
      rng.next() < 0.85 ? (communitySectors[communityOfMember] ?? "social_internet") : rng.pick(sectors);
    const otherSector = rng.pick(sectors);
    const memberSectors = otherSector === mainSector ? [mainSector] : [mainSector, otherSector];

    let degree = parameters.meanDegree * spread(rng, 0.55);
    if (newcomer) degree *= parameters.newcomerDegreeFactor;
    if (careerStage === "student" || careerStage === "first_time_founder")
      degree *= parameters.youngFounderDegreeFactor;
    if (activeGiver) degree *= parameters.activeGiverDegreeFactor;
    if (gatekeeper) degree *= parameters.gatekeeperDegreeFactor;
    targetDegree[i] = Math.max(1, degree);
    isNewcomer[i] = newcomer ? 1 : 0;
    isActiveGiver[i] = activeGiver ? 1 : 0;

    const tags = roleTags[role];
    const giveTags = pickTags(rng, tags.gives, 2 + rng.int(2));
    const seekTags = pickTags(rng, tags.seeks, 1 + rng.int(2));
    if (newcomer) seekTags.unshift(rng.next() < 0.5 ? "local_guide" : "housing");
    if (newcomer && origin === "expat" && rng.next() < 0.5) seekTags.push("visas");
    if (activeGiver && !giveTags.includes("local_guide")) giveTags.push("local_guide");
    if (cityKey === "miami" && nameOrigin === "hispanic" && rng.next() < 0.4) giveTags.push("spanish_speaking_markets");
    if (cityKey === "miami" && role === "founder" && rng.next() < 0.15) seekTags.push("europe_expansion");

    const story = newcomer ? "newcomer" : arrivedDay === null ? "local" : "expat";
    const from = origin === "expat" ? countryLabel(countryCode, locale) : rng.pick(parameters.domesticHomes);
    const texts = writeProfileTexts(rng, {
      cityKey,
      cityName: city.name,
      locale,
      careerStage,
      mainSector,
      story,
      from,
      yearsInCity: arrivedDay === null ? 0 : Math.max(1, Math.round((nowDay - arrivedDay) / 365)),
      isActiveGiver: activeGiver,
      giveTags,
      seekTags,
    });
    const neighborhoodPool = sectorNeighborhoods[cityKey][mainSector] ??
      sectorNeighborhoods[cityKey].social_internet ?? [city.name];
    const globalIndex = baseIndex + i;
    const hasWebsite = role !== "student" && rng.next() < (role === "executive" ? 0.04 : 0.12);
    members[i] = {
      cityKey,
      firstName,
      lastName,
      email: `${asciiSlug(firstName)}.${asciiSlug(lastName)}.${globalIndex}@demo.givefirst.test`,
      isDemo: true,
      locale,
      languages: languagesOf(rng, cityKey, locale, nameOrigin),
      headline: texts.headline,
      bio: texts.bio,
      gives: texts.gives,
      seeks: texts.seeks,
      giveTags,
      seekTags,
      sectors: memberSectors,
      role,
      careerStage,
      origin,
      originCountryCode: countryCode,
      isNewcomer: newcomer,
      arrivedOn: arrivedDay === null ? null : epochDayToIsoDate(arrivedDay),
      joinedOn: epochDayToIsoDate(joinedOn),
      neighborhood: rng.pick(neighborhoodPool),
      websiteUrl: hasWebsite
        ? `https://${asciiSlug(firstName)}-${asciiSlug(lastName)}-${globalIndex}.demo.givefirst.test`
        : null,
      plantedCommunity: communityOfMember,
      isGatekeeper: gatekeeper,
      isActiveGiver: activeGiver,
      isDemoLocal: false,
    };
  }
  return {
    cityKey,
    baseIndex,
    count,
    communityCount,
    community,
    targetDegree,
    isNewcomer,
    isActiveGiver,
    isGatekeeper,
    startDay,
    joinedDay: joinedDayOf,
    gatekeepers,
    gatekeeperOfCommunity,
    communitySectors,
    members,
  };
}
