import type { Rng } from "../random";
import { eventTemplates, giftDescriptions, meetingFeedback, sectorTitles, thankYouNotes } from "./activity-texts";
import { fillText } from "./text-fill";
import { degreeOf, randomNeighbor } from "./adjacency";
import type { CityAdjacency } from "./adjacency";
import { epochDayToIsoDate } from "./dates";
import type { ZonedClock } from "./dates";
import { ecosystemParameters, pickWeighted } from "./ecosystems";
import type { CityPopulation } from "./population";
import type {
  DemoGift,
  DemoMeeting,
  DemoTieColumns,
  DemoVenue,
  EpochDay,
  GiftKind,
  MeetingKind,
  VenueIndex,
  VenueKind,
} from "./types";

/** Everything the history of one city is drawn from. */
export interface CityHistoryInput {
  rng: Rng;
  population: CityPopulation;
  adjacency: CityAdjacency;
  /** The world's ties; the last-met and first-met days of ties that get a recorded meeting may move to a weekday. */
  ties: DemoTieColumns;
  venues: readonly DemoVenue[];
  clock: ZonedClock;
  nowDay: EpochDay;
}

const meetingKinds: readonly (readonly [MeetingKind, number])[] = [
  ["coffee", 50],
  ["lunch", 30],
  ["dinner", 8],
  ["visit", 12],
];
const venueKindsFor: Record<MeetingKind, readonly VenueKind[]> = {
  coffee: ["cafe", "coworking"],
  lunch: ["restaurant"],
  dinner: ["restaurant", "bar"],
  visit: ["coworking", "campus", "event_space"],
};
/** Local start time window (minutes after midnight) and duration of each kind of meeting. */
const meetingTimes: Record<MeetingKind, { from: number; to: number; minutes: number }> = {
  coffee: { from: 8 * 60 + 30, to: 17 * 60, minutes: 45 },
  lunch: { from: 12 * 60, to: 13 * 60 + 15, minutes: 90 },
  dinner: { from: 19 * 60 + 30, to: 20 * 60 + 45, minutes: 120 },
  visit: { from: 10 * 60, to: 16 * 60, minutes: 60 },
};

/** Venue indices of a city by kind, then by neighbourhood. */
export function venuesOfCity(venues: readonly DemoVenue[], cityKey: string): VenueIndex[] {
  const indices: VenueIndex[] = [];
  venues.forEach((venue, index) => {
    if (venue.cityKey === cityKey) indices.push(index);
  });
  return indices;
}

/** Moves a Saturday or Sunday back to the Friday before (epoch day 0 was a Thursday). */
function weekdayOnOrBefore(day: EpochDay): EpochDay {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day;
}

/**
 * Draws one city's past meetings (each the last meeting of a recent tie, hosted by the more giving side, with the
 * guest's feedback) and its give ledger: a "meeting" gift per meeting, then introductions, advice and event invitations
 * given mostly by the city's key holders — active givers in an open city, gatekeepers in a clannish one.
 */
export function generateCityHistory(input: CityHistoryInput, meetings: DemoMeeting[], gifts: DemoGift[]): void {
  const { rng, population, adjacency, ties, venues, clock, nowDay } = input;
  const parameters = ecosystemParameters[population.cityKey];
  const { baseIndex, count, members } = population;
  const cityVenues = venuesOfCity(venues, population.cityKey);
  const recentFrom = nowDay - 180;
  const venuesForKind = {} as Record<MeetingKind, VenueIndex[]>;
  const venuesNearby = new Map<string, VenueIndex[]>();
  for (const [kind] of meetingKinds) {
    venuesForKind[kind] = cityVenues.filter((v) => venueKindsFor[kind].includes(venues[v]?.kind ?? "cafe"));
    for (const v of venuesForKind[kind]) {
      const key = `${kind}\u0000${venues[v]?.neighborhood ?? ""}`;
      venuesNearby.set(key, [...(venuesNearby.get(key) ?? []), v]);
    }
  }

  const giving = (local: number): number =>
    (population.isGatekeeper[local] === 1 ? 3 : 0) +
    (population.isActiveGiver[local] === 1 ? 2 : 0) -
    (population.isNewcomer[local] === 1 ? 2 : 0);

  let candidates = 0;
  for (let x = 0; x < count; x++) {
    for (let e = adjacency.start[x] ?? 0; e < (adjacency.start[x + 1] ?? 0); e++) {
      const y = adjacency.neighbor[e] ?? 0;
      if (x < y && (ties.lastMetDay[adjacency.tie[e] ?? 0] ?? 0) >= recentFrom) candidates++;
    }
  }
  const keep = candidates === 0 ? 0 : Math.min(1, (parameters.meetingsPerMember * count) / candidates);
  for (let x = 0; x < count; x++) {
    for (let e = adjacency.start[x] ?? 0; e < (adjacency.start[x + 1] ?? 0); e++) {
      const y = adjacency.neighbor[e] ?? 0;
      const t = adjacency.tie[e] ?? 0;
      if (x >= y || (ties.lastMetDay[t] ?? 0) < recentFrom || rng.next() >= keep) continue;
      // Two days back at least, so that an evening meeting in Miami (the next UTC day) is still before now.
      const day = weekdayOnOrBefore(Math.min(ties.lastMetDay[t] ?? nowDay, nowDay - 2));
      ties.lastMetDay[t] = day;
      if ((ties.firstMetDay[t] ?? day) > day) ties.firstMetDay[t] = day;
      const hostFirst = giving(x) > giving(y) || (giving(x) === giving(y) && rng.next() < 0.5);
      const host = hostFirst ? x : y;
      const guest = hostFirst ? y : x;
      const kind = pickWeighted(rng.next, meetingKinds);
      const times = meetingTimes[kind];
      const startMinute = times.from + 15 * rng.int(Math.floor((times.to - times.from) / 15) + 1);
      const wasUseful = rng.next() < parameters.usefulMeetingShare;
      const guestMember = members[guest];
      const hostMember = members[host];
      if (guestMember === undefined || hostMember === undefined) continue;
      const suitable = venuesForKind[kind];
      const nearby = venuesNearby.get(`${kind}\u0000${hostMember.neighborhood}`) ?? [];
      const venueIndex = rng.pick(
        nearby.length > 0 && rng.next() < 0.6 ? nearby : suitable.length > 0 ? suitable : cityVenues,
      );
      const feedbackPool = meetingFeedback[guestMember.locale];
      const meetingIndex = meetings.length;
      meetings.push({
        cityKey: population.cityKey,
        hostIndex: baseIndex + host,
        guestIndex: baseIndex + guest,
        kind,
        venueIndex,
        startsAt: clock.instant(day, startMinute),
        endsAt: clock.instant(day, startMinute + times.minutes),
        wasUseful,
        feedback: rng.next() < 0.6 ? rng.pick(wasUseful ? feedbackPool.useful : feedbackPool.notUseful) : null,
      });
      gifts.push({
        cityKey: population.cityKey,
        kind: "meeting",
        giverIndex: baseIndex + host,
        receiverIndex: baseIndex + guest,
        givenOn: epochDayToIsoDate(day),
        meetingIndex,
        introducedIndex: null,
        description: rng.pick(giftDescriptions[hostMember.locale].meeting),
        thankYouNote:
          wasUseful && rng.next() < 0.7
            ? fillText(rng.pick(thankYouNotes[guestMember.locale]), { name: hostMember.firstName })
            : null,
      });
    }
  }

  const keyHolders: number[] = population.gatekeepers.length > 0 ? [...population.gatekeepers] : [];
  if (keyHolders.length === 0)
    for (let x = 0; x < count; x++) if (population.isActiveGiver[x] === 1) keyHolders.push(x);
  const pickGiver = (): number => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const giver =
        keyHolders.length > 0 && rng.next() < parameters.giftsByKeyHoldersShare ? rng.pick(keyHolders) : rng.int(count);
      if (degreeOf(adjacency, giver) >= 2) return giver;
    }
    return -1;
  };
  const addGift = (kind: GiftKind, howMany: number): void => {
    for (let k = 0; k < howMany; k++) {
      const giver = pickGiver();
      if (giver < 0) continue;
      const receiver = randomNeighbor(adjacency, giver, rng.next());
      let introduced = -1;
      if (kind === "introduction") {
        for (let attempt = 0; attempt < 3; attempt++) {
          introduced = randomNeighbor(adjacency, giver, rng.next());
          if (introduced !== receiver && population.community[introduced] !== population.community[receiver]) break;
        }
        if (introduced === receiver) continue;
      }
      const giverMember = members[giver];
      const receiverMember = members[receiver];
      if (giverMember === undefined || receiverMember === undefined) continue;
      const earliest = Math.max(
        population.startDay[giver] ?? 0,
        population.startDay[receiver] ?? 0,
        introduced >= 0 ? (population.startDay[introduced] ?? 0) : 0,
        nowDay - 365,
      );
      const day = earliest + rng.int(Math.max(1, nowDay - earliest));
      let event = "";
      if (kind === "event_invitation") {
        const templates = eventTemplates[giverMember.locale];
        const sector = sectorTitles[giverMember.sectors[0] ?? "social_internet"][giverMember.locale];
        const pool = rng.next() < 0.5 ? templates.inviteOnly : templates.open;
        event = fillText(rng.pick(pool)[0], { sector, neighborhood: giverMember.neighborhood });
      }
      gifts.push({
        cityKey: population.cityKey,
        kind,
        giverIndex: baseIndex + giver,
        receiverIndex: baseIndex + receiver,
        givenOn: epochDayToIsoDate(Math.min(day, nowDay - 1)),
        meetingIndex: null,
        introducedIndex: introduced >= 0 ? baseIndex + introduced : null,
        description: fillText(rng.pick(giftDescriptions[giverMember.locale][kind]), {
          name: members[introduced]?.firstName ?? "",
          event,
        }),
        thankYouNote:
          rng.next() < 0.6
            ? fillText(rng.pick(thankYouNotes[receiverMember.locale]), { name: giverMember.firstName })
            : null,
      });
    }
  };
  addGift("introduction", Math.round(parameters.introductionsPerMember * count));
  addGift("advice", Math.round(parameters.adviceGiftsPerMember * count));
  addGift("event_invitation", Math.round(parameters.eventInvitationsPerMember * count));
}
