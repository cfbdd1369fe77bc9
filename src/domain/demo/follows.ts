import type { Rng } from "../random";
import { ecosystemParameters } from "./ecosystems";
import { buildStubIndex, stubInCommunity } from "./network";
import { countDistinctPairs, forEachDistinctPair, sortPairs } from "./pair-sort";
import type { CityPopulation } from "./population";
import type { DemoFollowColumns, EpochDay, MemberIndex } from "./types";

/** A follow the story insists on (Miami locals who read the entrepreneur's blog). */
export interface PlantedFollow {
  follower: MemberIndex;
  followed: MemberIndex;
}

/**
 * Draws who follows whose work. Open ecosystems follow across communities and follow people in other cities;
 * clannish ones follow their own community and its gatekeepers. Authors (members with a website) are followed most.
 */
export function generateFollows(
  rng: Rng,
  populations: readonly CityPopulation[],
  planted: readonly PlantedFollow[],
  nowDay: EpochDay,
): DemoFollowColumns {
  const totalMembers = populations.reduce((sum, population) => sum + population.count, 0);
  const authorsByCity = populations.map((population) => {
    const authors: number[] = [];
    population.members.forEach((member, local) => {
      if (member.websiteUrl !== null) authors.push(population.baseIndex + local);
    });
    return authors;
  });
  const joinedDay = new Int32Array(totalMembers);
  for (const population of populations) joinedDay.set(population.joinedDay, population.baseIndex);

  let capacity = planted.length;
  for (const population of populations) {
    capacity += Math.ceil(population.count * ecosystemParameters[population.cityKey].followsPerMember * 2) + 1;
  }
  const followers = new Int32Array(capacity);
  const followed = new Int32Array(capacity);
  let used = 0;
  const add = (follower: number, target: number): void => {
    if (follower === target || target < 0 || used >= capacity) return;
    followers[used] = follower;
    followed[used++] = target;
  };

  populations.forEach((population, cityPosition) => {
    const parameters = ecosystemParameters[population.cityKey];
    const index = buildStubIndex(population);
    const localAuthors = authorsByCity[cityPosition] ?? [];
    const elsewhere = authorsByCity.filter((_, position) => position !== cityPosition).flat();
    const { baseIndex, gatekeepers } = population;
    for (let i = 0; i < population.count; i++) {
      // Uniform in [0, 2 × mean): mean as configured, bounded by the capacity reserved above.
      const wanted = Math.floor(rng.next() * 2 * parameters.followsPerMember);
      const own = population.community[i] ?? 0;
      for (let k = 0; k < wanted; k++) {
        const draw = rng.next();
        if (draw < parameters.followsElsewhereShare && elsewhere.length > 0) add(baseIndex + i, rng.pick(elsewhere));
        else if (gatekeepers.length > 0 && draw < parameters.followsElsewhereShare + 0.15)
          add(baseIndex + i, baseIndex + rng.pick(gatekeepers));
        else if (gatekeepers.length === 0 && draw < 0.5 && localAuthors.length > 0)
          add(baseIndex + i, rng.pick(localAuthors));
        else if (gatekeepers.length === 0)
          add(baseIndex + i, baseIndex + (index.stubs[rng.int(index.stubs.length)] ?? i));
        else add(baseIndex + i, baseIndex + stubInCommunity(rng, index, own));
      }
    }
  });
  for (const follow of planted) add(follow.follower, follow.followed);

  const pairs = sortPairs(followers, followed, used, totalMembers);
  const distinct = countDistinctPairs(pairs);
  const follows: DemoFollowColumns = {
    count: distinct,
    follower: new Int32Array(distinct),
    followed: new Int32Array(distinct),
    sinceDay: new Int32Array(distinct),
  };
  let out = 0;
  forEachDistinctPair(pairs, (follower, target) => {
    const from = Math.max(joinedDay[follower] ?? nowDay, joinedDay[target] ?? nowDay);
    follows.follower[out] = follower;
    follows.followed[out] = target;
    follows.sinceDay[out] = Math.min(nowDay, from + rng.int(Math.max(1, nowDay - from)));
    out++;
  });
  return follows;
}
