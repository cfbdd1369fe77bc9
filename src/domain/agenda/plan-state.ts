import type { AgendaModel } from "./agenda-model";

/**
 * A plan under construction with O(degree) add and remove: what each placement is blocked by, how full each day
 * is, which candidates and counterparts are taken. Shared by the heuristic and the explanations.
 */
export class PlanState {
  readonly chosenPlacementOfCandidate: Int32Array;
  readonly counterpartTaker: Int32Array;
  readonly dayCount: Int32Array;
  /** Number of chosen placements that clash with each placement. */
  readonly blockedBy: Int32Array;
  readonly chosen = new Set<number>();

  constructor(readonly model: AgendaModel) {
    this.chosenPlacementOfCandidate = new Int32Array(model.candidates.length).fill(-1);
    this.counterpartTaker = new Int32Array(model.counterparts.length).fill(-1);
    this.dayCount = new Int32Array(model.days.length);
    this.blockedBy = new Int32Array(model.placements.length);
  }

  canAdd(index: number): boolean {
    const placement = this.model.placements[index];
    if (placement === undefined) return false;
    if ((this.chosenPlacementOfCandidate[placement.candidate] ?? 0) >= 0) return false;
    const counterpart = this.model.candidates[placement.candidate]?.counterpart ?? -1;
    if (counterpart >= 0 && (this.counterpartTaker[counterpart] ?? 0) >= 0) return false;
    if ((this.dayCount[placement.day] ?? 0) >= this.model.maxPerDay) return false;
    return this.blockedBy[index] === 0;
  }

  add(index: number): void {
    const placement = this.model.placements[index];
    if (placement === undefined) return;
    this.chosen.add(index);
    this.chosenPlacementOfCandidate[placement.candidate] = index;
    const counterpart = this.model.candidates[placement.candidate]?.counterpart ?? -1;
    if (counterpart >= 0) this.counterpartTaker[counterpart] = placement.candidate;
    this.dayCount[placement.day] = (this.dayCount[placement.day] ?? 0) + 1;
    this.shiftBlocks(index, 1);
  }

  remove(index: number): void {
    const placement = this.model.placements[index];
    if (placement === undefined || !this.chosen.delete(index)) return;
    this.chosenPlacementOfCandidate[placement.candidate] = -1;
    const counterpart = this.model.candidates[placement.candidate]?.counterpart ?? -1;
    if (counterpart >= 0) this.counterpartTaker[counterpart] = -1;
    this.dayCount[placement.day] = (this.dayCount[placement.day] ?? 0) - 1;
    this.shiftBlocks(index, -1);
  }

  /** Chosen placements that clash with a placement. */
  clashesOf(index: number): number[] {
    const out: number[] = [];
    const { conflictOffsets, conflictTargets } = this.model;
    for (let k = conflictOffsets[index] ?? 0; k < (conflictOffsets[index + 1] ?? 0); k++) {
      const other = conflictTargets[k] ?? -1;
      if (this.chosen.has(other)) out.push(other);
    }
    return out;
  }

  placements(): number[] {
    return [...this.chosen].sort((a, b) => a - b);
  }

  private shiftBlocks(index: number, delta: number): void {
    const { conflictOffsets, conflictTargets } = this.model;
    const { blockedBy } = this;
    for (let k = conflictOffsets[index] ?? 0; k < (conflictOffsets[index + 1] ?? 0); k++) {
      const other = conflictTargets[k] ?? 0;
      blockedBy[other] = (blockedBy[other] ?? 0) + delta;
    }
  }
}
