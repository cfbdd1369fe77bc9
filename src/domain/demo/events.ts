import type { Rng } from "../random";
import { eventTemplates, sectorTitles } from "./activity-texts";
import { fillText } from "./text-fill";
import { degreeOf } from "./adjacency";
import type { CityAdjacency } from "./adjacency";
import type { ZonedClock } from "./dates";
import { ecosystemParameters } from "./ecosystems";
import { venuesOfCity } from "./history";
import type { CityPopulation } from "./population";
import type { DemoEvent, DemoEventAttendance, DemoVenue, EpochDay, Locale, VenueKind } from "./types";

export interface CityEventsInput {
  rng: Rng;
  population: CityPopulation;
  adjacency: CityAdjacency;
  venues: readonly DemoVenue[];
  clock: ZonedClock;
  nowDay: EpochDay;
}

const eventVenueKinds: readonly VenueKind[] = ["event_space", "coworking", "bar", "campus"];

/**
 * Upcoming events of one city over the next two months. In an open city most are open, hosted by active givers, and
 * invitations go across communities; in a clannish one most are invitation-only, hosted by gatekeepers and
 * incumbents, and invitations stay inside the host's community.
 */
export function generateCityEvents({
  rng,
  population,
  adjacency,
  venues,
  clock,
  nowDay,
}: CityEventsInput): DemoEvent[] {
  const parameters = ecosystemParameters[population.cityKey];
  const { baseIndex, count, members, cityKey } = population;
  const howMany = Math.min(2_000, Math.max(6, Math.round(count / 40)));
  const cityVenues = venuesOfCity(venues, cityKey);
  const eventVenues = cityVenues.filter((v) => eventVenueKinds.includes(venues[v]?.kind ?? "cafe"));
  const hosts: number[] = [];
  for (let x = 0; x < count; x++) {
    if (population.isGatekeeper[x] === 1 || population.isActiveGiver[x] === 1) hosts.push(x);
  }
  const events: DemoEvent[] = [];
  for (let k = 0; k < howMany; k++) {
    let host = hosts.length > 0 && rng.next() < 0.7 ? rng.pick(hosts) : rng.int(count);
    if (population.isNewcomer[host] === 1) host = hosts.length > 0 ? rng.pick(hosts) : host;
    const hostMember = members[host];
    if (hostMember === undefined) continue;
    const isInviteOnly = rng.next() < parameters.inviteOnlyEventShare;
    const locale: Locale = cityKey === "toulouse" ? "fr" : hostMember.locale === "es" && rng.next() < 0.6 ? "es" : "en";
    const sector = hostMember.sectors[0] ?? "social_internet";
    const templates = eventTemplates[locale];
    const [titleTemplate, descriptionTemplate] = rng.pick(isInviteOnly ? templates.inviteOnly : templates.open);
    const sectorVenues =
      sector === "aerospace" ? eventVenues.filter((v) => /Blagnac|Montaudran/.test(venues[v]?.neighborhood ?? "")) : [];
    const venueIndex = rng.pick(
      sectorVenues.length > 0 ? sectorVenues : eventVenues.length > 0 ? eventVenues : cityVenues,
    );
    const values = { sector: sectorTitles[sector][locale], neighborhood: venues[venueIndex]?.neighborhood ?? "" };
    const day = nowDay + 2 + rng.int(58);
    const isBreakfast = /Breakfast|Desayuno|Petit-déjeuner/.test(titleTemplate);
    const startMinute = isBreakfast ? 8 * 60 + 30 : 18 * 60 + 30 + 30 * rng.int(2);
    const capacity = isInviteOnly ? 12 + rng.int(30) : 40 + rng.int(160);

    // Invitations: the host's own ties first; an open event also reaches people across the city.
    const invited = new Set<number>();
    const wanted = Math.min(capacity, 5 + rng.int(26));
    const degree = degreeOf(adjacency, host);
    const from = adjacency.start[host] ?? 0;
    for (let attempt = 0; invited.size < wanted && attempt < wanted * 4; attempt++) {
      const openDraw = !isInviteOnly && rng.next() < 0.4;
      const guest = openDraw || degree === 0 ? rng.int(count) : (adjacency.neighbor[from + rng.int(degree)] ?? host);
      if (guest === host) continue;
      if (
        isInviteOnly &&
        population.community[guest] !== population.community[host] &&
        population.isGatekeeper[guest] === 0
      )
        continue;
      invited.add(guest);
    }
    const attendance: DemoEventAttendance[] = [{ memberIndex: baseIndex + host, status: "going" }];
    for (const guest of [...invited].sort((x, y) => x - y)) {
      const draw = rng.next();
      attendance.push({
        memberIndex: baseIndex + guest,
        status: draw < 0.6 ? "going" : draw < 0.9 ? "invited" : "declined",
      });
    }
    events.push({
      cityKey,
      key: `${cityKey}-event-${k + 1}`,
      title: fillText(titleTemplate, values),
      description: fillText(descriptionTemplate, values),
      locale,
      sectors: [sector],
      hostIndex: baseIndex + host,
      venueIndex,
      startsAt: clock.instant(day, startMinute),
      endsAt: clock.instant(day, startMinute + (isBreakfast ? 90 : 150)),
      capacity,
      isInviteOnly,
      attendance,
    });
  }
  return events;
}
