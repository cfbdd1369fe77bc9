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

/**
 * Polyak step factor, kept constant: measured on generated weeks, halving schedules froze the multipliers far above
 * the linear-programming bound, while a constant factor keeps descending (warm starts do the rest).
 */
const stepFactor = 0.5;

export class LagrangianBound {
  /** Multipliers: candidates, then counterparts, then communities. */
  readonly size: number;
  private readonly forward: DayChains;
  private readonly backward: DayChains;
  private readonly weights: Float64Array;
  private readonly chosen: Uint8Array;
  private readonly bestChosen: Uint8Array;
  private readonly bestMultipliers: Float64Array;
  private readonly gradient: Float64Array;
  private readonly groupSize: Int32Array;
  private readonly value: Float64Array;
  private readonly candidateGroup: Int32Array;
  /** Multiplier index of the placement's counterpart, or −1. */
  private readonly counterpartGroup: Int32Array;
  private readonly communityGroup: Int32Array;
  private readonly day: Int32Array;
  private readonly decay: number;

  constructor(private readonly model: AgendaModel) {
    this.forward = new DayChains(model);
    this.backward = new DayChains(model, true);
    const counterpartOffset = model.candidates.length;
    const communityOffset = counterpartOffset + model.counterparts.length;
    this.size = communityOffset + model.communities.length;
    const count = model.placements.length;
    this.weights = new Float64Array(count);
    this.chosen = new Uint8Array(count);
    this.bestChosen = new Uint8Array(count);
    this.bestMultipliers = new Float64Array(this.size);
    this.gradient = new Float64Array(this.size);
    this.groupSize = new Int32Array(this.size);
    const candidateOf = (index: number) => model.candidates[model.placements[index]?.candidate ?? 0];
    this.value = Float64Array.from(model.placements, (_, index) => candidateOf(index)?.value ?? 0);
    // "One start per candidate" is implied by "one candidate per counterpart": price it only for candidates without one.
    this.candidateGroup = Int32Array.from(model.placements, (placement, index) =>
      (candidateOf(index)?.counterpart ?? -1) >= 0 ? -1 : placement.candidate,
    );
    this.counterpartGroup = Int32Array.from(model.placements, (_, index) => {
      const counterpart = candidateOf(index)?.counterpart ?? -1;
      return counterpart < 0 ? -1 : counterpartOffset + counterpart;
    });
    this.communityGroup = Int32Array.from(model.placements, (_, index) => {
      const community = candidateOf(index)?.community ?? -1;
      return community < 0 ? -1 : communityOffset + community;
    });
    this.day = Int32Array.from(model.placements, (placement) => placement.day);
    this.decay = model.communityDecay;
  }

  /** A placement's worth at the node before the tied-rule multipliers: decay·v plus the first-meeting bonus if it pays. */
  private worth(placement: number, multipliers: Float64Array): number {
    const value = this.value[placement] as number;
    const community = this.communityGroup[placement] as number;
    if (community < 0) return value;
    return this.decay * value + Math.max(0, (1 - this.decay) * value - (multipliers[community] as number));
  }

  private setWeights(node: SearchNode, multipliers: Float64Array): number {
    let constant = 0;
    for (let group = 0; group < this.size; group++) constant += multipliers[group] as number;
    const { weights, candidateGroup, counterpartGroup } = this;
    for (let index = 0; index < weights.length; index++) {
      if (node.usable[index] !== 1) continue;
      const candidate = candidateGroup[index] as number;
      const counterpart = counterpartGroup[index] as number;
      weights[index] =
        this.worth(index, multipliers) -
        (candidate < 0 ? 0 : (multipliers[candidate] as number)) -
        (counterpart < 0 ? 0 : (multipliers[counterpart] as number));
    }
    for (const index of node.forcedList) constant += this.worth(index, multipliers);
    return constant;
  }

  /**
   * Runs up to `iterations` subgradient steps from `multipliers` and leaves in it the ones that gave the lowest
   * bound, which it returns. Stops early once the bound falls to `cutoff` (the node cannot beat the incumbent).
   */
  improve(
    node: SearchNode,
    multipliers: Float64Array,
    iterations: number,
    cutoff: number,
    roundDown: (bound: number) => number,
    isExpired: () => boolean = () => false,
  ): BoundResult {
    const { weights, chosen, gradient, groupSize, candidateGroup, counterpartGroup, communityGroup } = this;
    // A tied rule over a single usable placement can never be broken: its multiplier stays 0.
    groupSize.fill(0);
    for (let index = 0; index < weights.length; index++) {
      if (node.usable[index] !== 1) continue;
      const candidate = candidateGroup[index] as number;
      if (candidate >= 0) groupSize[candidate] = (groupSize[candidate] as number) + 1;
      const counterpart = counterpartGroup[index] as number;
      if (counterpart >= 0) groupSize[counterpart] = (groupSize[counterpart] as number) + 1;
      const community = communityGroup[index] as number;
      if (community >= 0) groupSize[community] = 2;
    }
    for (const index of node.forcedList) {
      const community = communityGroup[index] as number;
      if (community >= 0) groupSize[community] = 2;
    }
    for (let group = 0; group < this.size; group++) if ((groupSize[group] as number) < 2) multipliers[group] = 0;

    let bestBound = Infinity;
    for (let iteration = 0; iteration < iterations; iteration++) {
      const bound =
        this.setWeights(node, multipliers) + this.forward.solve(weights, node.usable, node.capacity, chosen);
      if (bound < bestBound - 1e-9) {
        bestBound = bound;
        this.bestChosen.set(chosen);
        this.bestMultipliers.set(multipliers);
      }
      // Any multipliers give a valid bound, so stopping on the deadline keeps the best one seen.
      if (roundDown(bestBound) <= cutoff + 1e-9 || isExpired()) break;
      // Subgradient of the dual: 1 − (how many of the group the chains took).
      gradient.fill(0);
      for (let group = 0; group < this.size; group++) if ((groupSize[group] as number) >= 2) gradient[group] = 1;
      for (let index = 0; index < chosen.length; index++) {
        if (chosen[index] !== 1) continue;
        const candidate = candidateGroup[index] as number;
        if (candidate >= 0) gradient[candidate] = (gradient[candidate] as number) - 1;
        const counterpart = counterpartGroup[index] as number;
        if (counterpart >= 0) gradient[counterpart] = (gradient[counterpart] as number) - 1;
        this.countFirst(index, multipliers);
      }
      for (const index of node.forcedList) this.countFirst(index, multipliers);
      let norm = 0;
      for (let group = 0; group < this.size; group++) {
        const value = gradient[group] as number;
        // Projected: a multiplier at 0 with a slack rule would only go negative.
        if (value > 0 && (multipliers[group] as number) <= 0) gradient[group] = 0;
        else norm += value * value;
      }
      if (norm === 0) break;
      const gap = Math.max(bound - cutoff, 1e-6 * Math.max(1, Math.abs(bound)));
      const length = (stepFactor * gap) / norm;
      for (let group = 0; group < this.size; group++) {
        const value = gradient[group] as number;
        if (value !== 0) multipliers[group] = Math.max(0, (multipliers[group] as number) - length * value);
      }
    }
    multipliers.set(this.bestMultipliers);
    return { bound: bestBound, chosen: this.bestChosen };
  }

  private countFirst(index: number, multipliers: Float64Array): void {
    const community = this.communityGroup[index] as number;
    if (community < 0) return;
    if ((1 - this.decay) * (this.value[index] as number) - (multipliers[community] as number) > 0)
      this.gradient[community] = (this.gradient[community] as number) - 1;
  }

  /**
   * Placements that cannot be in any plan better than `cutoff` at these multipliers: the bound with the best chain
   * through the placement (forward chain ending there plus backward chain starting there) does not beat it.
   */
  hopeless(
    node: SearchNode,
    multipliers: Float64Array,
    cutoff: number,
    roundDown: (bound: number) => number,
  ): number[] {
    const { weights } = this;
    const bound = this.setWeights(node, multipliers) + this.forward.solve(weights, node.usable, node.capacity, null);
    this.backward.solve(weights, node.usable, node.capacity, null);
    const count = weights.length;
    const out: number[] = [];
    const forwardTable = this.forward.table;
    const backwardTable = this.backward.table;
    for (let index = 0; index < count; index++) {
      if (node.usable[index] !== 1) continue;
      const day = this.day[index] as number;
      const layers = Math.min(this.model.maxPerDay, node.capacity[day] as number);
      let through = -Infinity;
      for (let first = 0; first < layers; first++) {
        const value =
          (forwardTable[first * count + index] as number) +
          (backwardTable[(layers - 1 - first) * count + index] as number);
        if (value > through) through = value;
      }
      through -= weights[index] as number;
      if (roundDown(bound - (this.forward.dayValue[day] as number) + through) <= cutoff + 1e-9) out.push(index);
    }
    return out;
  }
}
