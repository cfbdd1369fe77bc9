import type { AgendaModel } from "./agenda-model";
import { DayChains } from "./day-chains";

/**
 * An upper bound on the best plan that respects a search node (placements banned, placements forced): the rules
 * that tie days together (one start per candidate, one candidate per counterpart, the first meeting of a community
 * counting fully) are moved into the objective with multipliers, which leaves one independent chain problem per
 * day. Volume steps (a subgradient method with averaged chains, below) lower the bound toward the optimum.
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
 * The volume algorithm (Barahona and Anbil, 2000) rather than plain subgradient steps: each step starts from the best
 * multipliers found so far and moves along 1 − A·x̄, where x̄ is an exponential average of the day chains of the
 * previous steps (a rough primal solution). Averaging removes the zig-zag of the subgradient method: on generated
 * weeks of 60 candidates, 100 steps close the root bound to within 0.0–0.9 % of the optimum where 100 subgradient
 * steps stayed 2–4.5 % above it. The target level lies a share of the bound below the best bound (never below the
 * cutoff), the step factor grows after good steps and shrinks after a run of steps that found nothing lower.
 */
const volume = {
  /** Weight of the newest chains in the average. */
  alpha: 0.1,
  /** Target level: this share of the best bound below it. */
  targetShare: 0.05,
  /** Starting step factor, and its limits. */
  stepFactor: 1,
  maxStepFactor: 2,
  minStepFactor: 0.001,
  /** Steps without a lower bound before the step factor shrinks (×0.66). */
  stallLimit: 3,
};

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
  /** Per multiplier: the averaged count of its rule (x̄), this step's count, and the step factor carried over. */
  private readonly average: Float64Array;
  private readonly current: Float64Array;
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
    this.average = new Float64Array(this.size);
    this.current = new Float64Array(this.size);
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
   * Runs up to `iterations` volume steps from `multipliers` and leaves in it the ones that gave the lowest bound,
   * which it returns. Stops early once the bound falls to `cutoff` (the node cannot beat the incumbent).
   */
  improve(
    node: SearchNode,
    multipliers: Float64Array,
    iterations: number,
    cutoff: number,
    roundDown: (bound: number) => number,
    isExpired: () => boolean = () => false,
    /** Called with the chains every `primalEvery` steps; returns a (possibly raised) cutoff: a repaired plan's value. */
    primal?: { every: number; repair: (chains: Uint8Array) => number },
  ): BoundResult {
    const { weights, chosen, gradient, groupSize, candidateGroup, counterpartGroup, communityGroup } = this;
    const { average, current, bestMultipliers } = this;
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

    let bestBound = this.evaluate(node, multipliers);
    this.bestChosen.set(chosen);
    bestMultipliers.set(multipliers);
    this.countRules(node, multipliers, average);
    let factor = volume.stepFactor;
    let stalled = 0;
    for (let iteration = 1; iteration < iterations; iteration++) {
      if (primal !== undefined && iteration % primal.every === 0) cutoff = Math.max(cutoff, primal.repair(chosen));
      // Any multipliers give a valid bound, so stopping on the deadline keeps the best one seen.
      if (roundDown(bestBound) <= cutoff + 1e-9 || isExpired()) break;
      let norm = 0;
      for (let group = 0; group < this.size; group++) {
        let value = (groupSize[group] as number) < 2 ? 0 : 1 - (average[group] as number);
        // Projected: a multiplier at 0 with a slack rule would only go negative.
        if (value > 0 && (bestMultipliers[group] as number) <= 0) value = 0;
        gradient[group] = value;
        norm += value * value;
      }
      if (norm < 1e-12) break;
      const target = Math.max(cutoff, bestBound - volume.targetShare * Math.max(1, Math.abs(bestBound)));
      const length = (factor * Math.max(bestBound - target, 1e-9)) / norm;
      for (let group = 0; group < this.size; group++)
        multipliers[group] = Math.max(0, (bestMultipliers[group] as number) - length * (gradient[group] as number));
      const bound = this.evaluate(node, multipliers);
      this.countRules(node, multipliers, current);
      for (let group = 0; group < this.size; group++)
        average[group] = volume.alpha * (current[group] as number) + (1 - volume.alpha) * (average[group] as number);
      if (bound < bestBound - 1e-9) {
        // A longer step next time when this step's chains still break the rules the step pushed against.
        let agreement = 0;
        for (let group = 0; group < this.size; group++)
          agreement +=
            (gradient[group] as number) * ((groupSize[group] as number) < 2 ? 0 : 1 - (current[group] as number));
        if (agreement >= 0) factor = Math.min(volume.maxStepFactor, factor * 1.1);
        bestBound = bound;
        this.bestChosen.set(chosen);
        bestMultipliers.set(multipliers);
        stalled = 0;
      } else if (++stalled >= volume.stallLimit) {
        factor *= 0.66;
        stalled = 0;
        // Steps this short no longer move the bound: the multipliers have converged.
        if (factor < volume.minStepFactor) break;
      }
    }
    multipliers.set(bestMultipliers);
    return { bound: bestBound, chosen: this.bestChosen };
  }

  /** The bound at these multipliers; leaves the day chains in `chosen`. */
  private evaluate(node: SearchNode, multipliers: Float64Array): number {
    return (
      this.setWeights(node, multipliers) + this.forward.solve(this.weights, node.usable, node.capacity, this.chosen)
    );
  }

  /** How many placements of each tied rule the chains in `chosen` (and the forced ones) take. */
  private countRules(node: SearchNode, multipliers: Float64Array, into: Float64Array): void {
    const { chosen, candidateGroup, counterpartGroup, communityGroup, value, decay } = this;
    into.fill(0);
    const countFirst = (index: number): void => {
      const community = communityGroup[index] as number;
      if (community >= 0 && (1 - decay) * (value[index] as number) - (multipliers[community] as number) > 0)
        into[community] = (into[community] as number) + 1;
    };
    for (let index = 0; index < chosen.length; index++) {
      if (chosen[index] !== 1) continue;
      const candidate = candidateGroup[index] as number;
      if (candidate >= 0) into[candidate] = (into[candidate] as number) + 1;
      const counterpart = counterpartGroup[index] as number;
      if (counterpart >= 0) into[counterpart] = (into[counterpart] as number) + 1;
      countFirst(index);
    }
    for (const index of node.forcedList) countFirst(index);
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
