/**
 * The demo world generator: two city ecosystems that contrast as in the mission story, from a seed and a `now`.
 *
 * How the contrast is built (knobs in `ecosystems.ts`):
 * - Both cities are planted partitions: members fall into communities of about 100 (a sector and its neighbourhoods).
 *   Each member proposes about half their target degree in ties; target degrees are log-normal (mean ≈ 20–30), and
 *   partners are drawn degree-weighted (Chung–Lu) so that hubs attract ties. Duplicate draws of a pair merge into one
 *   tie with more meetings.
 * - Miami is open: p_in / (p_in + p_out) = 0.5 for ordinary members and 0.25 for its 12 % active givers, whose degree
 *   is 2.5× and who reach across communities; a cross-community partner is anyone in the city, degree-weighted.
 *   Newcomers are well connected (degree 0.8×), a third of their ties to active givers. 15 % of follows go to
 *   people elsewhere, and some Miami locals follow the Toulouse entrepreneur's blog.
 * - Toulouse is clannish: 98.5 % of an ordinary member's ties stay in their community, and the rare cross-community tie
 *   goes to a gatekeeper, never to an ordinary member of another clan. A handful of gatekeepers ("mini-barons", about
 *   one per four communities, 3 to 12) each control a block of communities: their ties (9× degree) go into those
 *   communities and to the club of other gatekeepers, so most shortest paths between communities pass through them.
 *   Newcomers (0.15×) and students and first-time founders (0.45×) are poorly connected. Events are mostly
 *   invitation-only and stay inside the host's community; gifts are fewer and flow through the gatekeepers.
 * Measured at 2,000 members per city, seed 1 (Miami vs Toulouse; `contrast-metrics.ts`, `demo-contrast.test.ts`):
 * Louvain modularity 0.37 vs 0.91, share of ties across Louvain communities 0.56 vs 0.03, Freeman betweenness
 * centralization 0.04 vs 0.26, newcomers' mean ties 15.7 vs 3.5, gifts per member in the last year 1.17 vs 0.45.
 * Seeds 2–5 give the same picture (modularity gap 0.53–0.54, ratios ≥ 16× and ≥ 6×).
 *
 * Determinism: one seeded generator (`createRng`), forked per phase and per city in a fixed order; `now` is an
 * argument; no clock, no I/O. Ties and follows are built in typed arrays with a linear counting sort, so a
 * 100,000-member city (about a million ties) takes a few seconds.
 */
import { createRng } from "../random";
import { buildCityAdjacency } from "./adjacency";
import { buildDemoVenues, demoCities } from "./cities";
import { epochDayOf, parseNow, ZonedClock } from "./dates";
import { generateCityEvents } from "./events";
import { generateFollows } from "./follows";
import { generateCityHistory } from "./history";
import { concatenateTies, generateCityTies } from "./network";
import { generatePopulation } from "./population";
import type { CityPopulation } from "./population";
import { chooseBlogFollowers, chooseDemoLocals, entrepreneurMove, otherTrips, plantEntrepreneur } from "./story";
import type { DemoEvent, DemoGift, DemoMeeting, DemoWorld, DemoWorldOptions } from "./types";

/** Members per city when none is given. */
export const defaultMembersPerCity = 2_000;
/** Smallest city the story fits in (demo locals, blog followers, trips). */
export const minimumMembersPerCity = 30;
const demoLocalsPerCity = 6;

/**
 * Generates the demo world: Miami's members, then Toulouse's, with ties, follows, past meetings, the give ledger,
 * upcoming events, trips (the Toulouse entrepreneur's move to Miami first) and the story's named members. The same
 * options give the same world, to the byte.
 */
export function generateDemoWorld(options: DemoWorldOptions): DemoWorld {
  const membersPerCity = options.membersPerCity ?? defaultMembersPerCity;
  if (!Number.isInteger(membersPerCity) || membersPerCity < minimumMembersPerCity || membersPerCity > 5_000_000) {
    throw new RangeError(`membersPerCity must be an integer in [${minimumMembersPerCity}, 5000000]`);
  }
  const nowMs = parseNow(options.now);
  const nowDay = epochDayOf(nowMs);
  const root = createRng(options.seed);
  // One fork per phase and city, drawn up front, so that each phase's draws never shift another's.
  const forks = {
    population: demoCities.map(() => root.fork()),
    ties: demoCities.map(() => root.fork()),
    history: demoCities.map(() => root.fork()),
    events: demoCities.map(() => root.fork()),
    story: root.fork(),
    follows: root.fork(),
    trips: root.fork(),
  };

  const venues = buildDemoVenues();
  const populations: CityPopulation[] = demoCities.map((city, position) =>
    generatePopulation({
      rng: forks.population[position] ?? root,
      cityKey: city.key,
      count: membersPerCity,
      baseIndex: position * membersPerCity,
      nowDay,
    }),
  );
  const miami = populations[0];
  const toulouse = populations[1];
  if (miami === undefined || toulouse === undefined) throw new Error("the demo needs Miami and Toulouse");
  const entrepreneurIndex = plantEntrepreneur(toulouse, nowDay);

  const ties = concatenateTies(
    populations.map((population, position) => generateCityTies(forks.ties[position] ?? root, population, nowDay)),
  );

  const demoLocalIndices = {
    miami: chooseDemoLocals(forks.story, miami, demoLocalsPerCity),
    toulouse: chooseDemoLocals(forks.story, toulouse, demoLocalsPerCity),
  };
  const blogFollows = chooseBlogFollowers(forks.story, miami, entrepreneurIndex, demoLocalIndices.miami);
  const follows = generateFollows(forks.follows, populations, blogFollows, nowDay);

  const meetings: DemoMeeting[] = [];
  const gifts: DemoGift[] = [];
  const events: DemoEvent[] = [];
  populations.forEach((population, position) => {
    const city = demoCities[position];
    if (city === undefined) return;
    const clock = new ZonedClock(city.timeZone);
    const adjacency = buildCityAdjacency(ties, population.baseIndex, population.count);
    const historyRng = forks.history[position] ?? root;
    generateCityHistory({ rng: historyRng, population, adjacency, ties, venues, clock, nowDay }, meetings, gifts);
    events.push(
      ...generateCityEvents({ rng: forks.events[position] ?? root, population, adjacency, venues, clock, nowDay }),
    );
  });

  // Everyone in Miami who ends up following the blog: the planted readers and any drawn at random.
  const miamiFollowerIndices: number[] = [];
  for (let f = 0; f < follows.count; f++) {
    const follower = follows.follower[f] ?? -1;
    if (
      follows.followed[f] === entrepreneurIndex &&
      follower >= miami.baseIndex &&
      follower < miami.baseIndex + miami.count
    ) {
      miamiFollowerIndices.push(follower);
    }
  }

  const moveTrip = entrepreneurMove(entrepreneurIndex, nowDay);
  const trips = [moveTrip, ...otherTrips(forks.trips, populations, nowDay, new Set([entrepreneurIndex]))];

  return {
    seed: options.seed,
    membersPerCity,
    now: new Date(nowMs).toISOString(),
    cities: demoCities.map((city) => ({ ...city })),
    venues,
    members: populations.flatMap((population) => population.members),
    ties,
    follows,
    meetings,
    gifts,
    events,
    trips,
    story: {
      entrepreneurIndex,
      moveTripIndex: 0,
      miamiFollowerIndices,
      demoLocalIndices,
      toulouseGatekeeperIndices: toulouse.gatekeepers.map((local) => toulouse.baseIndex + local),
    },
  };
}
