/**
 * What proves a gift, as the ledger's unique `source`: one gift per meeting, per side of an introduction, per invited
 * guest who attended, per piece of advice marked helpful.
 */

export const meetingGiftSource = (meetingId: number) => `meeting:${meetingId}`;
/** Side "A" is the introduction's first member, "B" its second. */
export const introductionGiftSource = (introductionId: number, side: "A" | "B") =>
  `introduction:${introductionId}:${side}`;
export const eventGiftSource = (eventId: number, guestId: number) => `event:${eventId}:${guestId}`;
export const adviceGiftSource = (offerId: number) => `advice:${offerId}`;

/** Ties are stored once per pair, the smaller id first. */
export function orderPair(first: number, second: number): { aId: number; bId: number } {
  return first < second ? { aId: first, bId: second } : { aId: second, bId: first };
}
