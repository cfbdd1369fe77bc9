/** What an item on the agenda is; the exchange format and the solvers speak only these kinds. */
export const agendaKinds = ["coffee", "lunch", "dinner", "visit", "event", "other"] as const;
export type AgendaKind = (typeof agendaKinds)[number];

/** What a local can offer (the domain word list of DESIGN.md §2). */
export const offerKinds = ["coffee", "lunch", "dinner", "visit", "event_invitation", "introduction", "advice"] as const;
export type OfferKind = (typeof offerKinds)[number];

/**
 * Maps an offer to the agenda kind it takes in the week, or null when it has no place in it: an introduction or
 * advice without proposed times happens by message, so the solver must not spend a slot on it.
 */
export function agendaKindOfOffer(kind: OfferKind, hasProposedTimes: boolean): AgendaKind | null {
  switch (kind) {
    case "coffee":
    case "lunch":
    case "dinner":
    case "visit":
      return hasProposedTimes ? kind : null;
    case "event_invitation":
      return hasProposedTimes ? "event" : null;
    case "introduction":
    case "advice":
      return hasProposedTimes ? "other" : null;
  }
}
