/**
 * Random cities for property tests and the benchmark: members in communities that lean towards a sector (so clans
 * form and the openness rules have work to do), ties mostly inside communities, French and English profile texts,
 * and some blocks, pauses and recent alerts. Seeded: the same Rng gives the same city.
 */
import type { Rng } from "../random";
import type {
  CityId,
  EpochMs,
  MatchingBlock,
  MatchingFollow,
  MatchingMember,
  MatchingState,
  MatchingTie,
  MatchingTrip,
  MemberId,
} from "./types";

export interface RandomCityOptions {
  readonly members: number;
  readonly ties: number;
  readonly follows: number;
  readonly communities: number;
  readonly sectors?: number;
  readonly tags?: number;
  readonly blocks?: number;
  /** Share of members living in another city (travellers-to-be); some of them are in the main city now. */
  readonly outsiderShare?: number;
  readonly now: EpochMs;
}

export const mainCityId = "toulouse" as CityId;
export const otherCityId = "paris" as CityId;

const phrases: readonly string[] = [
  "investors",
  "des investisseurs",
  "seed funding",
  "financement d'amorçage",
  "hiring developers",
  "recruter des développeurs",
  "customers in health",
  "clients dans la santé",
  "mentoring for founders",
  "mentorat de fondatrices",
  "a technical cofounder",
  "un cofondateur technique",
  "office space",
  "un bureau en centre-ville",
  "legal advice",
  "conseil juridique",
  "press contacts",
  "contacts presse",
  "partners in energy",
  "partenaires dans l'énergie",
  "data science",
  "science des données",
  "aerospace suppliers",
  "fournisseurs aéronautique",
  "social internet",
  "internet social",
  "sales strategy",
  "stratégie commerciale",
  "climate impact",
  "impact climat",
  "music events",
  "événements musique",
  "food distribution",
  "distribution alimentaire",
  "university research",
  "recherche universitaire",
  "payment infrastructure",
  "infrastructure de paiement",
  "game design",
  "conception de jeux",
  "bank partnerships",
  "partenariats bancaires",
  "insurance brokers",
  "courtiers en assurance",
  "robotics engineers",
  "ingénieurs robotique",
  "organic farming",
  "agriculture biologique",
  "export to Spain",
  "export vers l'Espagne",
  "product designers",
  "designers produit",
  "cybersecurity audits",
  "audits de cybersécurité",
  "satellite imagery",
  "imagerie satellite",
  "electric mobility",
  "mobilité électrique",
  "retail buyers",
  "acheteurs distribution",
  "tourism operators",
  "opérateurs touristiques",
  "hospital doctors",
  "médecins hospitaliers",
  "machine learning",
  "apprentissage automatique",
  "cloud hosting",
  "hébergement cloud",
  "wine makers",
  "vignerons",
  "real estate developers",
  "promoteurs immobiliers",
  "public procurement",
  "marchés publics",
  "grant applications",
  "dossiers de subvention",
  "podcast production",
  "production de podcasts",
  "video editing",
  "montage vidéo",
  "accounting help",
  "aide comptable",
  "recruiting interns",
  "recruter des stagiaires",
  "biotech labs",
  "laboratoires biotech",
  "3D printing",
  "impression 3D",
  "supply chain",
  "chaîne logistique",
  "user research",
  "recherche utilisateur",
  "community building",
  "animation de communauté",
  "event venues",
  "lieux d'événements",
  "translation",
  "traduction",
  "open source",
  "logiciel libre",
];

const sectorNames = [
  "fintech",
  "health",
  "energy",
  "aerospace",
  "food",
  "media",
  "education",
  "mobility",
  "games",
  "legal",
  "retail",
  "climate",
  "data",
  "music",
  "space",
  "realestate",
];

function pad(i: number): string {
  return String(i).padStart(7, "0");
}

/** A member id for number i: fixed width so string order is number order (the SQL baseline relies on it). */
export function memberIdOf(i: number): MemberId {
  return `m${pad(i)}` as MemberId;
}

function text(rng: Rng): string {
  const count = 1 + rng.int(2);
  return Array.from({ length: count }, () => rng.pick(phrases)).join(", ");
}

/** Generates a city state. Ties and follows may repeat a pair; the index merges repeats. */
export function generateRandomCity(rng: Rng, options: RandomCityOptions): MatchingState {
  const n = options.members;
  const sectorCount = Math.min(options.sectors ?? 12, sectorNames.length);
  const tagCount = options.tags ?? 40;
  const outsiderShare = options.outsiderShare ?? 0.05;
  const communityOf = new Int32Array(n);
  const byCommunity: number[][] = Array.from({ length: options.communities }, () => []);
  const communitySector = Array.from({ length: options.communities }, () => rng.int(sectorCount));
  const day = 24 * 60 * 60 * 1000;
  const members: MatchingMember[] = [];
  for (let i = 0; i < n; i++) {
    // Skewed sizes: r^2 puts more members in the low-numbered communities (a few big clans).
    const community = Math.floor(options.communities * rng.next() ** 2);
    communityOf[i] = community;
    byCommunity[community]!.push(i);
    const sectors = new Set<string>();
    sectors.add(sectorNames[rng.next() < 0.6 ? communitySector[community]! : rng.int(sectorCount)]!);
    if (rng.next() < 0.3) sectors.add(sectorNames[rng.int(sectorCount)]!);
    const tags = new Set<string>();
    for (let k = rng.int(3); k > 0; k--) tags.add(`tag${rng.int(tagCount)}`);
    const isOutsider = rng.next() < outsiderShare;
    const alerts = Array.from(
      { length: rng.next() < 0.2 ? rng.int(5) : 0 },
      () => (options.now - rng.int(10 * day)) as EpochMs,
    );
    members.push({
      id: memberIdOf(i),
      homeCityId: isOutsider ? otherCityId : mainCityId,
      currentCityId: isOutsider && rng.next() < 0.3 ? mainCityId : null,
      sectors: [...sectors],
      tags: [...tags],
      seeks: text(rng),
      gives: text(rng),
      communityId: `c${community}`,
      isYoungFounder: rng.next() < 0.15,
      givingRecord: {
        giftsGiven: rng.next() < 0.5 ? rng.int(6) : 0,
        offersAnswered: rng.int(4),
        usefulMeetings: rng.next() < 0.3 ? rng.int(4) : 0,
      },
      isPaused: rng.next() < 0.03,
      pausedUntil: rng.next() < 0.03 ? ((options.now + rng.int(5 * day) - 2 * day) as EpochMs) : null,
      recentAlertTimes: alerts,
      alertCap: rng.next() < 0.05 ? 1 + rng.int(5) : null,
    });
  }
  const partnerOf = (a: number): number => {
    const own = byCommunity[communityOf[a]!]!;
    return rng.next() < 0.8 && own.length > 1 ? own[rng.int(own.length)]! : rng.int(n);
  };
  const ties: MatchingTie[] = [];
  for (let e = 0; e < options.ties; e++) {
    const a = rng.int(n);
    const b = partnerOf(a);
    if (a === b) continue;
    ties.push({ a: memberIdOf(a), b: memberIdOf(b), meetings: 1 + Math.floor(-Math.log(1 - rng.next()) * 1.5) });
  }
  const follows: MatchingFollow[] = [];
  for (let e = 0; e < options.follows; e++) {
    const a = rng.int(n);
    const b = partnerOf(a);
    if (a !== b) follows.push({ followerId: memberIdOf(a), followedId: memberIdOf(b) });
  }
  const blocks: MatchingBlock[] = [];
  for (let e = 0; e < (options.blocks ?? Math.ceil(n / 50)); e++) {
    const a = rng.int(n);
    const b = partnerOf(a);
    if (a !== b) blocks.push({ blockerId: memberIdOf(a), blockedId: memberIdOf(b) });
  }
  return { members, ties, follows, blocks };
}

/** Trips into the main city, by members picked at random (locals and outsiders alike). */
export function generateTrips(rng: Rng, state: MatchingState, count: number): MatchingTrip[] {
  return Array.from({ length: count }, () => {
    const traveller = rng.pick(state.members);
    return {
      travellerId: traveller.id,
      cityId: mainCityId,
      seeks: traveller.seeks,
      gives: traveller.gives,
      ...(rng.next() < 0.5 ? { sectors: [sectorNames[rng.int(6)]!] } : {}),
    };
  });
}
