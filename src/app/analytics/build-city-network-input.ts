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

/** The domain input with its columns as typed arrays. */
export interface CityNetworkTypedInput extends CityNetworkInput {
  readonly ties: { a: Int32Array; b: Int32Array; strength: Float64Array; firstMetAt: Float64Array };
  readonly follows: { follower: Int32Array; followed: Int32Array };
}

export interface CityNetwork {
  input: CityNetworkTypedInput;
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

  // Typed columns: cheap to hold for a big city, and transferred (not copied) to the report's worker thread.
  const a = new Int32Array(rows.ties.a.length);
  const b = new Int32Array(rows.ties.a.length);
  const strength = new Float64Array(rows.ties.a.length);
  const firstMetAt = new Float64Array(rows.ties.a.length);
  let ties = 0;
  for (let k = 0; k < rows.ties.a.length; k++) {
    const x = position.get(rows.ties.a[k] as number);
    const y = position.get(rows.ties.b[k] as number);
    if (x === undefined || y === undefined) continue;
    a[ties] = x;
    b[ties] = y;
    strength[ties] = rows.ties.strength[k] as number;
    firstMetAt[ties] = (rows.ties.firstMetDay[k] as number) * dayMs;
    ties++;
  }
  const follower = new Int32Array(rows.follows.follower.length);
  const followed = new Int32Array(rows.follows.follower.length);
  let follows = 0;
  for (let k = 0; k < rows.follows.follower.length; k++) {
    const x = position.get(rows.follows.follower[k] as number);
    const y = position.get(rows.follows.followed[k] as number);
    if (x === undefined || y === undefined) continue;
    follower[follows] = x;
    followed[follows] = y;
    follows++;
  }
  return {
    memberIds,
    input: {
      members,
      ties: {
        a: a.slice(0, ties),
        b: b.slice(0, ties),
        strength: strength.slice(0, ties),
        firstMetAt: firstMetAt.slice(0, ties),
      },
      follows: { follower: follower.slice(0, follows), followed: followed.slice(0, follows) },
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
