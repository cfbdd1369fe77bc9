/** The kinds of help a local may offer a traveller, and which of them need proposed times and a place. */
export const offerKinds = ["coffee", "lunch", "dinner", "visit", "event_invitation", "introduction", "advice"] as const;
export type OfferKind = (typeof offerKinds)[number];

export const offerStatuses = ["open", "accepted", "declined", "withdrawn"] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** The most slots one offer may propose. */
export const maxSlotsPerOffer = 4;

/** Introductions and advice may be given without meeting at a set time; every other kind proposes at least one slot. */
export function isSlotRequired(kind: OfferKind): boolean {
  return kind !== "introduction" && kind !== "advice";
}

/** Meals, coffees and visits happen somewhere: they name a venue. Invitations take the event's own venue. */
export function isVenueRequired(kind: OfferKind): boolean {
  return kind === "coffee" || kind === "lunch" || kind === "dinner" || kind === "visit";
}

/** The names a trip's availability ranges may use for this kind (ranges may be reserved to some kinds). */
export function availabilityKindsOf(kind: OfferKind): string[] {
  return kind === "event_invitation" ? ["event_invitation", "event"] : [kind];
}
