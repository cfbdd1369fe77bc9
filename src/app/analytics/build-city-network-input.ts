/**
 * Turns a city's rows into the network domain's input: members by position, ties and follows as columns of
 * positions, trips and gifts as summaries. Newcomers are members who moved to the city within `newcomerMonths`.
 */
import { Temporal } from "temporal-polyfill";
import type { CityNetworkRows } from "../../db/repositories/analytics.repository";
import type { CityMember, CityNetworkInput } from "../../domain/network/city-input";

/** A member who moved to the city within this many months counts as a newcomer (the demo world uses about six). */
export const newcomerMonths = 6;

const dayMs = 86_400_000;

/** "other" is the profile's default career stage: unknown, so left out of mixing rather than counted as a group. */
const knownOrNull = (value: string | null): string | null => (value === null || value === "other" ? null : value);

export interface CityNetwork {
  input: CityNetworkInput;
  /** Database id of the member at each position of `input.members`. */
  memberIds: number[];
}

/** Builds the domain input; ties or follows with an end outside the city's members are left out. */
export function buildCityNetworkInput(
  rows: CityNetworkRows,
  now: Date,
  options: { newcomerMonths?: number } = {},
): CityNetwork {
  const nowMs = now.getTime();
  const cutoff = Temporal.Instant.fromEpochMilliseconds(nowMs)
    .toZonedDateTimeISO("UTC")
    .toPlainDate()
    .subtract({ months: options.newcomerMonths ?? newcomerMonths });
  const cutoffMs = Date.UTC(cutoff.year, cutoff.month - 1, cutoff.day);

  const memberIds = rows.members.map((member) => member.id);
  const position = new Map(memberIds.map((id, index) => [id, index]));
  const members: CityMember[] = rows.members.map((member) => {
    const arrivedAt = member.arrivedDay === null ? null : member.arrivedDay * dayMs;
    return {
      id: String(member.id),
      newcomer: arrivedAt !== null && arrivedAt >= cutoffMs && arrivedAt <= nowMs,
      arrivedAt,
      origin: member.origin,
      careerStage: knownOrNull(member.careerStage),
      attributes: { sector: member.sector },
    };
  });

  const a: number[] = [];
  const b: number[] = [];
  const strength: number[] = [];
  const firstMetAt: number[] = [];
  for (let k = 0; k < rows.ties.a.length; k++) {
    const x = position.get(rows.ties.a[k] as number);
    const y = position.get(rows.ties.b[k] as number);
    if (x === undefined || y === undefined) continue;
    a.push(x);
    b.push(y);
    strength.push(rows.ties.strength[k] as number);
    firstMetAt.push((rows.ties.firstMetDay[k] as number) * dayMs);
  }
  const follower: number[] = [];
  const followed: number[] = [];
  for (let k = 0; k < rows.follows.follower.length; k++) {
    const x = position.get(rows.follows.follower[k] as number);
    const y = position.get(rows.follows.followed[k] as number);
    if (x === undefined || y === undefined) continue;
    follower.push(x);
    followed.push(y);
  }
  return {
    memberIds,
    input: {
      members,
      ties: { a, b, strength, firstMetAt },
      follows: { follower, followed },
      trips: rows.trips.map((trip) => ({
        id: String(trip.id),
        announcedAt: trip.announcedAt.getTime(),
        firstOfferAt: trip.firstOfferAt?.getTime() ?? null,
      })),
      gifts: rows.gifts.map((gift) => ({
        giverId: String(gift.giverId),
        receiverId: String(gift.receiverId),
        at: gift.occurredDay * dayMs,
      })),
      now: nowMs,
    },
  };
}
