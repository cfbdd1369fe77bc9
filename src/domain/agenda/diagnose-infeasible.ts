import type { AgendaModel } from "./agenda-model";
import type { Explanation, Reason } from "./explain";
import { rejectionReason } from "./explain";

/**
 * When no plan holds every locked candidate, says which rules clash: a locked item that fits nowhere, two locked
 * items that always collide (same time, travel, same person), or more locked items than a day can hold.
 */
export function diagnoseInfeasible(model: AgendaModel): Explanation[] {
  const locked = model.candidates
    .map((candidate, index) => (candidate.isLocked ? index : -1))
    .filter((index) => index >= 0);
  const reasons = new Map<number, Reason>();
  for (const index of locked) {
    const own = model.placementsOfCandidate[index] ?? [];
    if (own.length > 0) continue;
    const rejection = (model.rejections[index] ?? []).find((entry) => entry !== null) ?? null;
    const cause =
      rejection === null ? { code: "no_starts", text: "no proposed time" } : rejectionReason(model, index, rejection);
    reasons.set(index, { code: "locked_impossible", params: { cause: cause.code }, text: `locked, but ${cause.text}` });
  }
  const clashes = (a: number, b: number): boolean => {
    for (let k = model.conflictOffsets[a] ?? 0; k < (model.conflictOffsets[a + 1] ?? 0); k++)
      if (model.conflictTargets[k] === b) return true;
    return false;
  };
  for (let i = 0; i < locked.length; i++) {
    for (let j = i + 1; j < locked.length; j++) {
      const a = locked[i] as number;
      const b = locked[j] as number;
      const first = model.candidates[a];
      const second = model.candidates[b];
      if (first === undefined || second === undefined) continue;
      const ownA = model.placementsOfCandidate[a] ?? [];
      const ownB = model.placementsOfCandidate[b] ?? [];
      if (ownA.length === 0 || ownB.length === 0) continue;
      const isSamePerson = first.counterpart >= 0 && first.counterpart === second.counterpart;
      const isAlwaysClashing = isSamePerson || ownA.every((p) => ownB.every((q) => clashes(p, q)));
      if (!isAlwaysClashing) continue;
      const why = isSamePerson
        ? `both meet ${model.counterparts[first.counterpart] ?? ""}`
        : "they always overlap or leave no time to travel";
      if (!reasons.has(a))
        reasons.set(a, {
          code: "locked_clash",
          params: { with: second.id },
          text: `locked, and clashes with locked ${second.id}: ${why}`,
        });
      if (!reasons.has(b))
        reasons.set(b, {
          code: "locked_clash",
          params: { with: first.id },
          text: `locked, and clashes with locked ${first.id}: ${why}`,
        });
    }
  }
  if (reasons.size === 0) {
    for (const index of locked) {
      reasons.set(index, {
        code: "locked_conflict",
        params: { locked: locked.length },
        text: "the locked items cannot all fit together (daily maximum, travel or overlaps)",
      });
    }
  }
  return model.candidates.map((_, index) => ({
    candidate: index,
    reason: reasons.get(index) ?? { code: "infeasible", params: {}, text: "no plan can hold every locked item" },
    alternative: null,
  }));
}
