import { createRng } from "../random";
import type { Rng } from "../random";
import type { AgendaModel } from "./agenda-model";
import { PlanState } from "./plan-state";
import { planValue } from "./plan-value";
import type { AgendaSolver, SolverOptions, SolverOutcome } from "./solver";
import { deadlineOf } from "./solver";

/**
 * Greedy by value, then local search (insert a left-out candidate, eject what blocks it, refill) and a few random
 * perturbations. Proves nothing, but answers in milliseconds: the app shows it first and keeps it when the exact
 * solver runs out of time.
 */
export const greedySolver: AgendaSolver = {
  name: "greedy+local-search",
  isExact: false,
  solve: (model, options) => solveGreedy(model, options),
};

/** How many random kicks the local search tries after its first local optimum. */
const defaultPerturbations = 40;

/** Placement indices sorted the way greedy tries them: locked candidates first, then by value, then fewer clashes. */
function greedyOrder(model: AgendaModel): number[] {
  const degree = (index: number): number =>
    (model.conflictOffsets[index + 1] ?? 0) - (model.conflictOffsets[index] ?? 0);
  return model.placements
    .map((_, index) => index)
    .sort((a, b) => {
      const first = model.candidates[model.placements[a]?.candidate ?? 0];
      const second = model.candidates[model.placements[b]?.candidate ?? 0];
      if (first === undefined || second === undefined) return 0;
      if (first.isLocked !== second.isLocked) return first.isLocked ? -1 : 1;
      return second.value - first.value || degree(a) - degree(b) || a - b;
    });
}

function fill(state: PlanState, order: readonly number[]): void {
  for (const index of order) if (state.canAdd(index)) state.add(index);
}

/** Runs the heuristic; exported for the orchestrator, which passes the deadline and seed. */
export function solveGreedy(
  model: AgendaModel,
  options: SolverOptions & { perturbations?: number } = {},
): SolverOutcome {
  const isExpired = deadlineOf(options);
  const rng = createRng(options.seed ?? 1);
  const order = greedyOrder(model);
  const state = new PlanState(model);
  for (const index of options.incumbent ?? []) if (state.canAdd(index)) state.add(index);
  fill(state, order);
  let effort = improve(model, state, order, isExpired);
  let best = state.placements();
  let bestValue = scoreOf(model, best);
  const perturbations = options.perturbations ?? defaultPerturbations;
  for (let round = 0; round < perturbations && !isExpired(); round++) {
    kick(model, state, rng);
    fill(state, rng.next() < 0.5 ? order : shuffledByValue(model, order, rng));
    effort += improve(model, state, order, isExpired);
    const value = scoreOf(model, state.placements());
    if (value > bestValue + 1e-9) {
      best = state.placements();
      bestValue = value;
    } else {
      for (const index of state.placements()) state.remove(index);
      for (const index of best) state.add(index);
    }
  }
  const hasLocked = model.candidates.every(
    (candidate, index) => !candidate.isLocked || best.some((p) => model.placements[p]?.candidate === index),
  );
  if (!hasLocked)
    return { solver: greedySolver.name, status: "unknown", placements: null, objective: null, bound: null, effort };
  return {
    solver: greedySolver.name,
    status: "feasible",
    placements: best,
    objective: planValue(model, best),
    bound: null,
    effort,
  };
}

/** Value with a penalty for missing locked candidates, so that the search first tries to hold them all. */
function scoreOf(model: AgendaModel, placements: readonly number[]): number {
  let locked = 0;
  for (const index of placements)
    if (model.candidates[model.placements[index]?.candidate ?? 0]?.isLocked === true) locked++;
  return planValue(model, placements) - (lockedCount(model) - locked) * 1e9;
}

const lockedCounts = new WeakMap<AgendaModel, number>();
function lockedCount(model: AgendaModel): number {
  let count = lockedCounts.get(model);
  if (count === undefined) {
    count = model.candidates.filter((candidate) => candidate.isLocked).length;
    lockedCounts.set(model, count);
  }
  return count;
}

/** Removes a few random chosen placements (never locked ones). */
function kick(model: AgendaModel, state: PlanState, rng: Rng): void {
  const removable = state
    .placements()
    .filter((index) => !model.candidates[model.placements[index]?.candidate ?? 0]?.isLocked);
  const count = Math.min(removable.length, 1 + rng.int(3));
  for (const index of rng.shuffle(removable).slice(0, count)) state.remove(index);
}

function shuffledByValue(model: AgendaModel, order: readonly number[], rng: Rng): number[] {
  const noise = new Map(
    order.map((index) => [
      index,
      (model.candidates[model.placements[index]?.candidate ?? 0]?.value ?? 0) * (0.7 + 0.6 * rng.next()),
    ]),
  );
  return order.slice().sort((a, b) => (noise.get(b) ?? 0) - (noise.get(a) ?? 0));
}

/**
 * Ejection moves until none improves: put a left-out placement in, take out whatever blocks it (clashes, the same
 * counterpart, the cheapest item of a full day), refill greedily, keep the change only when the plan is worth more.
 */
function improve(model: AgendaModel, state: PlanState, order: readonly number[], isExpired: () => boolean): number {
  let moves = 0;
  let current = scoreOf(model, state.placements());
  for (let pass = 0; pass < 20; pass++) {
    let isImproved = false;
    for (const index of order) {
      if (isExpired()) return moves;
      const placement = model.placements[index];
      if (placement === undefined || state.chosen.has(index)) continue;
      const candidate = model.candidates[placement.candidate];
      if (candidate === undefined) continue;
      const ejected = new Set(state.clashesOf(index));
      const own = state.chosenPlacementOfCandidate[placement.candidate] ?? -1;
      if (own >= 0) ejected.add(own);
      const taker = candidate.counterpart >= 0 ? (state.counterpartTaker[candidate.counterpart] ?? -1) : -1;
      if (taker >= 0) ejected.add(state.chosenPlacementOfCandidate[taker] ?? -1);
      ejected.delete(-1);
      const ejectedOnDay = [...ejected].filter((other) => model.placements[other]?.day === placement.day).length;
      if ((state.dayCount[placement.day] ?? 0) - ejectedOnDay >= model.maxPerDay) {
        const cheapest = [...state.chosen]
          .filter((other) => model.placements[other]?.day === placement.day && !ejected.has(other))
          .sort((a, b) => valueOf(model, a) - valueOf(model, b))[0];
        if (cheapest === undefined) continue;
        ejected.add(cheapest);
      }
      if (
        [...ejected].some(
          (other) =>
            model.candidates[model.placements[other]?.candidate ?? 0]?.isLocked === true && !candidate.isLocked,
        )
      )
        continue;
      let lost = 0;
      for (const other of ejected) lost += valueOf(model, other);
      if (lost >= candidate.value + (candidate.isLocked ? 1e9 : 0) && lost > 0) continue;
      moves++;
      const before = state.placements();
      for (const other of ejected) state.remove(other);
      if (!state.canAdd(index)) {
        for (const other of ejected) state.add(other);
        continue;
      }
      state.add(index);
      fill(state, order);
      const after = scoreOf(model, state.placements());
      if (after > current + 1e-9) {
        current = after;
        isImproved = true;
      } else {
        for (const other of state.placements()) state.remove(other);
        for (const other of before) state.add(other);
      }
    }
    if (!isImproved) break;
  }
  return moves;
}

function valueOf(model: AgendaModel, placement: number): number {
  return model.candidates[model.placements[placement]?.candidate ?? 0]?.value ?? 0;
}
