import type { AgendaModel } from "./agenda-model";
import { DayChains } from "./day-chains";

/**
 * An upper bound on the best plan that respects a search node (placements banned, placements forced): the rules
 * that tie days together (one start per candidate, one candidate per counterpart, the first meeting of a community
 * counting fully) are moved into the objective with multipliers, which leaves one independent chain problem per
 * day. Subgradient steps lower the bound toward the optimum.
 */
export interface SearchNode {
  /** 1 when the placement may still be chosen and is not forced. */
  usable: Uint8Array;
  /** 1 when the placement is in the plan at this node. */
  forced: Uint8Array;
  forcedList: number[];
  /** Places left per day once forced placements are counted. */
  capacity: Int32Array;
}

export interface BoundResult {
  bound: number;
  /** The day chains at the multipliers that gave the bound (relaxed: may break the tied rules). */
  chosen: Uint8Array;
}

export class LagrangianBound {
  readonly chains: DayChains;
  /** Multipliers: candidates, then counterparts, then communities. */
  readonly size: number;
  private readonly weights: Float64Array;
  private readonly chosen: Uint8Array;
  private readonly bestChosen: Uint8Array;
  private readonly gradient: Float64Array;
  private readonly groupSize: Int32Array;
  private readonly counterpartOffset: number;
  private readonly communityOffset: number;

  constructor(private readonly model: AgendaModel) {
    this.chains = new DayChains(model);
    this.counterpartOffset = model.candidates.length;
    this.communityOffset = this.counterpartOffset + model.counterparts.length;
    this.size = this.communityOffset + model.communities.length;
    this.weights = new Float64Array(model.placements.length);
    this.chosen = new Uint8Array(model.placements.length);
    this.bestChosen = new Uint8Array(model.placements.length);
    this.gradient = new Float64Array(this.size);
    this.groupSize = new Int32Array(this.size);
  }

  /** The node's own part of a placement's worth with a community multiplier: decay·v plus the first-meeting bonus. */
  private worth(placement: number, multipliers: Float64Array): { weight: number; isFirst: boolean } {
    const candidate = this.model.candidates[this.model.placements[placement]?.candidate ?? 0];
    if (candidate === undefined) return { weight: 0, isFirst: false };
    if (candidate.community < 0) return { weight: candidate.value, isFirst: false };
    const decay = this.model.communityDecay;
    const bonus = (1 - decay) * candidate.value - (multipliers[this.communityOffset + candidate.community] ?? 0);
    return { weight: decay * candidate.value + Math.max(0, bonus), isFirst: bonus > 0 };
  }

  /**
   * Runs up to `iterations` subgradient steps from `multipliers` (updated in place) and returns the lowest bound seen.
   * Stops early once the bound falls to `cutoff` (the node cannot beat the incumbent).
   */
  improve(node: SearchNode, multipliers: Float64Array, iterations: number, cutoff: number, granularity: number): BoundResult {
    const { model, weights, chosen, gradient, groupSize } = this;
    // A tied rule over a single usable placement can never be broken: its multiplier stays 0.
    groupSize.fill(0);
    model.placements.forEach((placement, index) => {
      if (node.usable[index] !== 1) return;
      const candidate = model.candidates[placement.candidate];
      if (candidate === undefined) return;
      groupSize[placement.candidate] = (groupSize[placement.candidate] ?? 0) + 1;
      if (candidate.counterpart >= 0) groupSize[this.counterpartOffset + candidate.counterpart] = (groupSize[this.counterpartOffset + candidate.counterpart] ?? 0) + 1;
    });
    for (const index of node.forcedList) {
      const candidate = model.candidates[model.placements[index]?.candidate ?? 0];
      if (candidate !== undefined && candidate.community >= 0) groupSize[this.communityOffset + candidate.community] = 2;
    }
    model.placements.forEach((placement, index) => {
      const community = model.candidates[placement.candidate]?.community ?? -1;
      if (node.usable[index] === 1 && community >= 0) groupSize[this.communityOffset + community] = 2;
    });
    for (let group = 0; group < this.size; group++) if ((groupSize[group] ?? 0) < 2) multipliers[group] = 0;

    let bestBound = Infinity;
    let step = 1;
    let stall = 0;
    for (let iteration = 0; iteration < iterations; iteration++) {
      let bound = 0;
      for (let group = 0; group < this.size; group++) bound += multipliers[group] ?? 0;
      for (let index = 0; index < weights.length; index++) {
        if (node.usable[index] !== 1) continue;
        const placement = model.placements[index];
        const candidate = placement === undefined ? undefined : model.candidates[placement.candidate];
        if (placement === undefined || candidate === undefined) continue;
        let weight = this.worth(index, multipliers).weight - (multipliers[placement.candidate] ?? 0);
        if (candidate.counterpart >= 0) weight -= multipliers[this.counterpartOffset + candidate.counterpart] ?? 0;
        weights[index] = weight;
      }
      for (const index of node.forcedList) bound += this.worth(index, multipliers).weight;
      bound += this.chains.solve(weights, node.usable, node.capacity, chosen);
      if (bound < bestBound - 1e-9) {
        bestBound = bound;
        this.bestChosen.set(chosen);
        stall = 0;
      } else if (++stall >= 4) {
        step /= 2;
        stall = 0;
      }
      if (Math.floor(bestBound / granularity + 1e-7) * granularity <= cutoff + 1e-9) break;
      // Subgradient of the dual: 1 − (how many of the group the chains took).
      gradient.fill(0);
      let norm = 0;
      for (let group = 0; group < this.size; group++) if ((groupSize[group] ?? 0) >= 2) gradient[group] = 1;
      const countChosen = (index: number, isForced: boolean): void => {
        const placement = model.placements[index];
        const candidate = placement === undefined ? undefined : model.candidates[placement.candidate];
        if (placement === undefined || candidate === undefined) return;
        if (!isForced) {
          gradient[placement.candidate] = (gradient[placement.candidate] ?? 0) - 1;
          if (candidate.counterpart >= 0) gradient[this.counterpartOffset + candidate.counterpart] = (gradient[this.counterpartOffset + candidate.counterpart] ?? 0) - 1;
        }
        if (candidate.community >= 0 && this.worth(index, multipliers).isFirst) {
          gradient[this.communityOffset + candidate.community] = (gradient[this.communityOffset + candidate.community] ?? 0) - 1;
        }
      };
      for (let index = 0; index < chosen.length; index++) if (chosen[index] === 1) countChosen(index, false);
      for (const index of node.forcedList) countChosen(index, true);
      for (let group = 0; group < this.size; group++) {
        const value = gradient[group] ?? 0;
        // Projected: a multiplier at 0 with a slack rule would only go negative.
        if (value > 0 && (multipliers[group] ?? 0) <= 0) gradient[group] = 0;
        else norm += value * value;
      }
      if (norm === 0 || step < 1e-3) break;
      const gap = Math.max(bound - cutoff, 1e-6 * Math.max(1, Math.abs(bound)));
      const length = (step * gap) / norm;
      for (let group = 0; group < this.size; group++) {
        const value = gradient[group] ?? 0;
        if (value !== 0) multipliers[group] = Math.max(0, (multipliers[group] ?? 0) - length * value);
      }
    }
    return { bound: bestBound, chosen: this.bestChosen };
  }
}
