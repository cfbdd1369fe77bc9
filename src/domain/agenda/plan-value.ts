import type { AgendaModel } from "./agenda-model";

/**
 * The worth of a set of chosen placements. Additive, except inside a community: the most valuable meeting of a
 * community counts fully and every further one counts `communityDecay` of its value (diminishing returns).
 */
export function planValue(model: AgendaModel, placements: readonly number[]): number {
  let total = 0;
  const bestOfCommunity = new Map<number, number>();
  for (const index of placements) {
    const candidate = model.candidates[model.placements[index]?.candidate ?? -1];
    if (candidate === undefined) continue;
    if (candidate.community < 0) {
      total += candidate.value;
      continue;
    }
    total += model.communityDecay * candidate.value;
    bestOfCommunity.set(candidate.community, Math.max(bestOfCommunity.get(candidate.community) ?? 0, candidate.value));
  }
  for (const best of bestOfCommunity.values()) total += (1 - model.communityDecay) * best;
  return total;
}

/**
 * True when a set of placements obeys every rule of the model: one start per candidate, one candidate per
 * counterpart, the daily maximum, no clash, locked candidates present.
 */
export function isPlanFeasible(model: AgendaModel, placements: readonly number[]): boolean {
  const chosen = new Set(placements);
  const candidates = new Set<number>();
  const counterparts = new Set<number>();
  const perDay = new Map<number, number>();
  for (const index of placements) {
    const placement = model.placements[index];
    if (placement === undefined || candidates.has(placement.candidate)) return false;
    candidates.add(placement.candidate);
    const counterpart = model.candidates[placement.candidate]?.counterpart ?? -1;
    if (counterpart >= 0) {
      if (counterparts.has(counterpart)) return false;
      counterparts.add(counterpart);
    }
    const count = (perDay.get(placement.day) ?? 0) + 1;
    if (count > model.maxPerDay) return false;
    perDay.set(placement.day, count);
    for (let k = model.conflictOffsets[index] ?? 0; k < (model.conflictOffsets[index + 1] ?? 0); k++) {
      if (chosen.has(model.conflictTargets[k] ?? -1)) return false;
    }
  }
  return model.candidates.every((candidate, index) => !candidate.isLocked || candidates.has(index));
}
