import { epochDayOf, parseNow } from "./dates";
import type { DemoWorld } from "./types";

const dayOf = (isoDate: string): number => epochDayOf(Date.parse(`${isoDate}T00:00:00Z`));

/**
 * Checks a demo world's referential integrity and the invariants a loader relies on: every index in range and in the
 * right city, ties with a < b sorted without duplicates, follows without self-follows or duplicates, past history
 * before `now` and upcoming events and trips after it, unique e-mails and keys. Returns the problems found (at most
 * `limit`), none for a sound world.
 */
export function findIntegrityProblems(world: DemoWorld, limit = 20): string[] {
  const problems: string[] = [];
  const report = (problem: string): boolean => {
    if (problems.length < limit) problems.push(problem);
    return problems.length >= limit;
  };
  const memberCount = world.members.length;
  const nowMs = parseNow(world.now);
  const nowDay = epochDayOf(nowMs);
  const isMember = (index: number): boolean => Number.isInteger(index) && index >= 0 && index < memberCount;
  const cityOf = (index: number): string | undefined => world.members[index]?.cityKey;

  const emails = new Set<string>();
  world.members.forEach((member, index) => {
    if (emails.has(member.email)) report(`duplicate e-mail ${member.email}`);
    emails.add(member.email);
    if (!member.email.endsWith(`.${index}@demo.givefirst.test`)) report(`member ${index}: e-mail ${member.email}`);
    if (!member.isDemo) report(`member ${index} not labelled as demo`);
    if (member.isNewcomer && member.arrivedOn === null) report(`newcomer ${index} without arrival date`);
  });

  const { ties } = world;
  for (const column of [ties.a, ties.b, ties.strength, ties.firstMetDay, ties.lastMetDay]) {
    if (column.length !== ties.count) report(`a tie column has ${column.length} values for ${ties.count} ties`);
  }
  const tieKeys = new Set<number>();
  for (let t = 0; t < ties.count; t++) {
    const a = ties.a[t] ?? -1;
    const b = ties.b[t] ?? -1;
    const previousA = ties.a[t - 1] ?? -1;
    const previousB = ties.b[t - 1] ?? -1;
    const first = ties.firstMetDay[t] ?? 0;
    const last = ties.lastMetDay[t] ?? 0;
    if (!(isMember(a) && isMember(b) && a < b) && report(`tie ${t}: ${a}-${b}`)) break;
    if (cityOf(a) !== cityOf(b) && report(`tie ${t} crosses cities`)) break;
    if (t > 0 && !(previousA < a || (previousA === a && previousB < b)) && report(`tie ${t} unsorted or duplicated`))
      break;
    if (!((ties.strength[t] ?? 0) >= 1 && first <= last && last < nowDay) && report(`tie ${t}: bad history`)) break;
    tieKeys.add(a * memberCount + b);
  }

  const { follows } = world;
  for (let f = 0; f < follows.count; f++) {
    const follower = follows.follower[f] ?? -1;
    const followed = follows.followed[f] ?? -1;
    const previousFollower = follows.follower[f - 1] ?? -1;
    const previousFollowed = follows.followed[f - 1] ?? -1;
    if (!(isMember(follower) && isMember(followed) && follower !== followed) && report(`follow ${f}`)) break;
    const isOrdered = previousFollower < follower || (previousFollower === follower && previousFollowed < followed);
    if (f > 0 && !isOrdered && report(`follow ${f} unsorted or duplicated`)) break;
    if ((follows.sinceDay[f] ?? nowDay + 1) > nowDay && report(`follow ${f} in the future`)) break;
  }

  world.meetings.forEach((meeting, m) => {
    const low = Math.min(meeting.hostIndex, meeting.guestIndex);
    const high = Math.max(meeting.hostIndex, meeting.guestIndex);
    if (!tieKeys.has(low * memberCount + high)) report(`meeting ${m} without a tie`);
    if (world.venues[meeting.venueIndex]?.cityKey !== meeting.cityKey) report(`meeting ${m}: venue`);
    if (cityOf(meeting.hostIndex) !== meeting.cityKey || cityOf(meeting.guestIndex) !== meeting.cityKey) {
      report(`meeting ${m}: city`);
    }
    if (!(Date.parse(meeting.startsAt) < Date.parse(meeting.endsAt) && Date.parse(meeting.startsAt) < nowMs)) {
      report(`meeting ${m}: times`);
    }
  });

  world.gifts.forEach((gift, g) => {
    if (!isMember(gift.giverIndex) || !isMember(gift.receiverIndex) || gift.giverIndex === gift.receiverIndex) {
      report(`gift ${g}: members`);
    }
    if (cityOf(gift.giverIndex) !== gift.cityKey || cityOf(gift.receiverIndex) !== gift.cityKey)
      report(`gift ${g}: city`);
    if (!(dayOf(gift.givenOn) < nowDay)) report(`gift ${g} not in the past`);
    const meeting = gift.meetingIndex === null ? undefined : world.meetings[gift.meetingIndex];
    const meetingMatches = meeting?.hostIndex === gift.giverIndex && meeting.guestIndex === gift.receiverIndex;
    if ((gift.kind === "meeting") !== (gift.meetingIndex !== null) || (gift.kind === "meeting" && !meetingMatches)) {
      report(`gift ${g}: meeting reference`);
    }
    const introduced = gift.introducedIndex;
    const isIntroduction = gift.kind === "introduction";
    if (isIntroduction !== (introduced !== null)) report(`gift ${g}: introduction reference`);
    if (introduced !== null && (!isMember(introduced) || introduced === gift.receiverIndex))
      report(`gift ${g}: introduced`);
  });

  const eventKeys = new Set<string>();
  world.events.forEach((event, e) => {
    if (eventKeys.has(event.key)) report(`duplicate event key ${event.key}`);
    eventKeys.add(event.key);
    if (world.venues[event.venueIndex]?.cityKey !== event.cityKey) report(`event ${e}: venue`);
    if (cityOf(event.hostIndex) !== event.cityKey) report(`event ${e}: host`);
    if (!(nowMs < Date.parse(event.startsAt) && Date.parse(event.startsAt) < Date.parse(event.endsAt))) {
      report(`event ${e}: times`);
    }
    const attendees = new Set(event.attendance.map((attendance) => attendance.memberIndex));
    if (attendees.size !== event.attendance.length) report(`event ${e}: duplicate attendee`);
    for (const attendee of attendees)
      if (cityOf(attendee) !== event.cityKey) report(`event ${e}: attendee ${attendee}`);
  });

  world.trips.forEach((trip, t) => {
    if (!isMember(trip.memberIndex) || cityOf(trip.memberIndex) === trip.cityKey) report(`trip ${t}: traveller`);
    if (!(dayOf(trip.arrivesOn) > nowDay && dayOf(trip.departsOn) >= dayOf(trip.arrivesOn))) report(`trip ${t}: dates`);
  });

  const { story } = world;
  if (world.members[story.entrepreneurIndex]?.cityKey !== "toulouse")
    report("story: the entrepreneur is not in Toulouse");
  if (world.trips[story.moveTripIndex]?.memberIndex !== story.entrepreneurIndex) report("story: move trip");
  for (const index of story.miamiFollowerIndices) if (cityOf(index) !== "miami") report(`story: follower ${index}`);
  for (const index of [...story.demoLocalIndices.miami, ...story.demoLocalIndices.toulouse]) {
    if (world.members[index]?.isDemoLocal !== true) report(`story: demo local ${index} not flagged`);
  }
  return problems;
}
