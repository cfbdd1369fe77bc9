import type { AgendaKind } from "./agenda-kind";

/** Default weight of each kind: an event gathers many locals, a meal gives time to talk. */
export const defaultKindWeights: Readonly<Record<AgendaKind, number>> = {
  coffee: 1,
  lunch: 1.3,
  dinner: 1.5,
  visit: 1.2,
  event: 2,
  other: 0.8,
};

export interface CandidateValueParts {
  /** How well the local matches what the traveller seeks, in [0, 1]. */
  matchScore: number;
  kind: AgendaKind;
  /** The traveller starred this offer. */
  isStarred: boolean;
  /** For an event: how many locals the traveller may meet there (more people, more value, with diminishing returns). */
  attendeeCount?: number;
  kindWeights?: Readonly<Record<AgendaKind, number>>;
}

/**
 * The value the solver maximizes for one candidate, from the parts the app knows. Kept here so the app, the CLI
 * fixtures and the tests agree on one scale (about 0–100).
 */
export function candidateValue(parts: CandidateValueParts): number {
  const weights = parts.kindWeights ?? defaultKindWeights;
  const match = Math.min(1, Math.max(0, parts.matchScore));
  const crowd =
    parts.kind === "event" && parts.attendeeCount !== undefined
      ? 1 + Math.log2(1 + Math.max(0, parts.attendeeCount)) / 4
      : 1;
  const star = parts.isStarred ? 1.5 : 1;
  return Math.round((10 + 40 * match) * weights[parts.kind] * crowd * star * 100) / 100;
}
