import type { Rng } from "../random";
import { sectorTitles, tripTexts } from "./activity-texts";
import { fillText } from "./text-fill";
import { epochDayToIsoDate } from "./dates";
import type { PlantedFollow } from "./follows";
import type { CityPopulation } from "./population";
import type { CityKey, DemoMember, DemoTrip, EpochDay, MemberIndex, TripPurpose } from "./types";

/** The mission story's entrepreneur: a Toulouse internet entrepreneur with a known blog, about to move to Miami. */
export function entrepreneurProfile(index: MemberIndex, nowDay: EpochDay): DemoMember {
  return {
    cityKey: "toulouse",
    firstName: "Julien",
    lastName: "Castaing",
    email: `julien.castaing.${index}@demo.givefirst.test`,
    isDemo: true,
    locale: "fr",
    languages: ["fr", "en"],
    headline: "Entrepreneur internet, auteur du blog « Carnet de croissance »",
    bio:
      "Toulousain, deux startups d'internet social au compteur. Chaque semaine, j'écris sur le produit et la croissance " +
      "dans mon blog, lu des deux côtés de l'Atlantique. Je m'installe à Miami dans quelques jours.",
    gives: "Je peux aider sur le produit et la croissance, la stratégie de contenu et l'expansion en Europe.",
    seeks: "Je cherche des entrepreneurs et des investisseurs à Miami, un logement et des conseils pour le visa.",
    giveTags: ["product", "marketing", "europe_expansion", "pitch_feedback"],
    seekTags: ["investor_intros", "customer_intros", "local_guide", "housing", "visas"],
    sectors: ["social_internet", "media"],
    role: "founder",
    careerStage: "experienced_founder",
    origin: "local",
    originCountryCode: "FR",
    isNewcomer: false,
    arrivedOn: null,
    joinedOn: epochDayToIsoDate(nowDay - 400),
    neighborhood: "Saint-Cyprien",
    websiteUrl: "https://julien-castaing.demo.givefirst.test/blog",
    plantedCommunity: 0,
    isGatekeeper: false,
    isActiveGiver: true,
    isDemoLocal: false,
  };
}

/** Puts the entrepreneur at Toulouse's first local index, keeping the population's typed arrays in step. */
export function plantEntrepreneur(toulouse: CityPopulation, nowDay: EpochDay): MemberIndex {
  toulouse.members[0] = entrepreneurProfile(toulouse.baseIndex, nowDay);
  toulouse.community[0] = 0;
  toulouse.isNewcomer[0] = 0;
  toulouse.isActiveGiver[0] = 1;
  toulouse.isGatekeeper[0] = 0;
  toulouse.joinedDay[0] = nowDay - 400;
  return toulouse.baseIndex;
}

/**
 * Flags a handful of demo locals who will answer new trips: Miami's come from its active givers; Toulouse's mix two
 * gatekeepers with active givers. Returns their member indices.
 */
export function chooseDemoLocals(rng: Rng, population: CityPopulation, howMany: number): MemberIndex[] {
  const chosen = new Set<number>();
  if (population.cityKey === "toulouse") for (const g of population.gatekeepers.slice(0, 2)) chosen.add(g);
  const givers: number[] = [];
  for (let i = 1; i < population.count; i++) if (population.isActiveGiver[i] === 1) givers.push(i);
  for (const i of rng.shuffle(givers)) {
    if (chosen.size >= howMany) break;
    chosen.add(i);
  }
  for (let i = 1; chosen.size < Math.min(howMany, population.count - 1) && i < population.count; i++) chosen.add(i);
  const locals = [...chosen].sort((x, y) => x - y);
  for (const local of locals) {
    const member = population.members[local];
    if (member !== undefined) member.isDemoLocal = true;
  }
  return locals.map((local) => population.baseIndex + local);
}

/**
 * Miami locals who follow the entrepreneur's blog: readers in social internet and media first, French speakers, and
 * most of Miami's demo locals (so that matching can say "knows your work").
 */
export function chooseBlogFollowers(
  rng: Rng,
  miami: CityPopulation,
  entrepreneur: MemberIndex,
  demoLocals: readonly MemberIndex[],
): PlantedFollow[] {
  const wanted = Math.min(miami.count, Math.max(15, Math.round(miami.count * 0.015)));
  const chosen = new Set<MemberIndex>(demoLocals.slice(0, Math.max(1, demoLocals.length - 2)));
  const readers: MemberIndex[] = [];
  const others: MemberIndex[] = [];
  miami.members.forEach((member, local) => {
    const isReader =
      member.sectors.includes("social_internet") || member.sectors.includes("media") || member.languages.includes("fr");
    (isReader ? readers : others).push(miami.baseIndex + local);
  });
  for (const index of [...rng.shuffle(readers), ...rng.shuffle(others)]) {
    if (chosen.size >= wanted) break;
    chosen.add(index);
  }
  return [...chosen].sort((x, y) => x - y).map((follower) => ({ follower, followed: entrepreneur }));
}

/** The entrepreneur's move to Miami, written in English for his Miami audience. */
export function entrepreneurMove(entrepreneur: MemberIndex, nowDay: EpochDay): DemoTrip {
  const arrival = nowDay + 12;
  return {
    memberIndex: entrepreneur,
    cityKey: "miami",
    purpose: "move",
    arrivesOn: epochDayToIsoDate(arrival),
    departsOn: epochDayToIsoDate(arrival + 27),
    locale: "en",
    seeks:
      "Moving from Toulouse to Miami for good. I'd love to meet founders and investors in social internet and fintech, " +
      "find an apartment in Brickell or Wynwood, and understand how to launch in the US.",
    gives:
      "Product and growth advice, honest feedback on your pitch, introductions to European founders and investors, " +
      "and a guest post on my blog.",
    seekTags: ["investor_intros", "customer_intros", "housing", "local_guide", "go_to_market"],
    giveTags: ["product", "pitch_feedback", "europe_expansion", "press"],
    audience: "network_and_picked_locals",
  };
}

/** A few upcoming trips of other members to the other city. */
export function otherTrips(
  rng: Rng,
  populations: readonly CityPopulation[],
  nowDay: EpochDay,
  exclude: ReadonlySet<MemberIndex>,
): DemoTrip[] {
  const trips: DemoTrip[] = [];
  const purposes: readonly TripPurpose[] = ["business", "conference", "scouting"];
  for (const population of populations) {
    const destination: CityKey = population.cityKey === "miami" ? "toulouse" : "miami";
    const howMany = Math.min(200, Math.max(4, Math.round(population.count / 400)), population.count - 1);
    const travellers = new Set<number>();
    for (let attempt = 0; travellers.size < howMany && attempt < howMany * 20; attempt++) {
      const local = 1 + rng.int(population.count - 1);
      if (!exclude.has(population.baseIndex + local) && population.isNewcomer[local] === 0) travellers.add(local);
    }
    for (const local of [...travellers].sort((x, y) => x - y)) {
      const member = population.members[local];
      if (member === undefined) continue;
      const locale = member.locale;
      const sector = sectorTitles[member.sectors[0] ?? "social_internet"][locale];
      const arrival = nowDay + 3 + rng.int(58);
      trips.push({
        memberIndex: population.baseIndex + local,
        cityKey: destination,
        purpose: rng.pick(purposes),
        arrivesOn: epochDayToIsoDate(arrival),
        departsOn: epochDayToIsoDate(arrival + 2 + rng.int(8)),
        locale,
        seeks: fillText(rng.pick(tripTexts[locale].seeks), { sector }),
        gives: fillText(rng.pick(tripTexts[locale].gives), { sector }),
        seekTags: member.seekTags.slice(0, 3),
        giveTags: member.giveTags.slice(0, 3),
        audience: "network_and_picked_locals",
      });
    }
  }
  return trips;
}
