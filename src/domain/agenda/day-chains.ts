import type { AgendaModel } from "./agenda-model";
import { bufferBetween } from "./agenda-model";

/**
 * The day subproblem of the Lagrangian bound: on each day, the best chain of at most `capacity` placements where each
 * one starts after the previous one ends plus the travel buffer between their venues. A dynamic programme over
 * placements in start order; predecessors that end more than the largest buffer earlier are read from a running
 * maximum, so each placement only checks the few that end just before it. It checks consecutive items only, which
 * makes it a relaxation (a venue-less item between two venues, an overlap across midnight): the exact solver checks
 * the chains it returns.
 */
export class DayChains {
  private readonly byStart: Int32Array[];
  private readonly byEnd: Int32Array[];
  private readonly position: Int32Array;
  private readonly best: Float64Array;
  private readonly previous: Int32Array;
  private readonly safeBest: Float64Array;
  private readonly safePrevious: Int32Array;

  constructor(private readonly model: AgendaModel) {
    const perDay: number[][] = model.days.map(() => []);
    model.placements.forEach((placement, index) => perDay[placement.day]?.push(index));
    this.position = new Int32Array(model.placements.length);
    this.byStart = perDay.map((list) => {
      const sorted = Int32Array.from(list.sort((a, b) => (model.placements[a]?.start ?? 0) - (model.placements[b]?.start ?? 0)));
      sorted.forEach((placement, index) => (this.position[placement] = index));
      return sorted;
    });
    this.byEnd = perDay.map((list) => Int32Array.from(list.slice().sort((a, b) => (model.placements[a]?.end ?? 0) - (model.placements[b]?.end ?? 0))));
    const longest = Math.max(1, ...perDay.map((list) => list.length));
    const layers = Math.max(1, model.maxPerDay);
    this.best = new Float64Array(longest * layers);
    this.previous = new Int32Array(longest * layers);
    this.safeBest = new Float64Array(layers);
    this.safePrevious = new Int32Array(layers);
  }

  /**
   * Best total weight over all days. Only placements with usable[p] = 1 and a positive weight take part; the
   * chosen ones are marked 1 in `chosen` (which is cleared first).
   */
  solve(weights: Float64Array, usable: Uint8Array, capacity: Int32Array, chosen: Uint8Array): number {
    chosen.fill(0);
    let total = 0;
    for (let day = 0; day < this.byStart.length; day++) total += this.solveDay(day, weights, usable, capacity[day] ?? 0, chosen);
    return total;
  }

  private solveDay(day: number, weights: Float64Array, usable: Uint8Array, layers: number, chosen: Uint8Array): number {
    const byStart = this.byStart[day] as Int32Array;
    const byEnd = this.byEnd[day] as Int32Array;
    const n = byStart.length;
    if (layers <= 0 || n === 0) return 0;
    const { placements, maxTravelMinutes } = this.model;
    const { best, previous, safeBest, safePrevious, position } = this;
    safeBest.fill(0, 0, layers);
    safePrevious.fill(-1, 0, layers);
    let pointer = 0;
    let answer = 0;
    let answerAt = -1;
    let answerLayer = 0;
    for (let i = 0; i < n; i++) {
      const placement = byStart[i] as number;
      const current = placements[placement];
      if (current === undefined) continue;
      // Everything that ends a full largest-buffer before this start is compatible whatever its venue.
      while (pointer < n) {
        const earlier = byEnd[pointer] as number;
        const earlierPlacement = placements[earlier];
        if (earlierPlacement === undefined || earlierPlacement.end + maxTravelMinutes > current.start) break;
        const at = position[earlier] as number;
        for (let layer = 0; layer < layers; layer++) {
          const value = best[layer * n + at] as number;
          if (value > (safeBest[layer] as number)) {
            safeBest[layer] = value;
            safePrevious[layer] = at;
          }
        }
        pointer++;
      }
      const weight = weights[placement] as number;
      if (usable[placement] !== 1 || !(weight > 0)) {
        for (let layer = 0; layer < layers; layer++) best[layer * n + i] = -Infinity;
        continue;
      }
      best[i] = weight;
      previous[i] = -1;
      for (let layer = 1; layer < layers; layer++) {
        best[layer * n + i] = weight + (safeBest[layer - 1] as number);
        previous[layer * n + i] = safePrevious[layer - 1] as number;
      }
      for (let scan = pointer; scan < n; scan++) {
        const earlier = byEnd[scan] as number;
        const earlierPlacement = placements[earlier] as (typeof placements)[number];
        if (earlierPlacement.end > current.start) break;
        if (earlierPlacement.end + bufferBetween(this.model, earlierPlacement.venue, current.venue) > current.start) continue;
        const at = position[earlier] as number;
        for (let layer = 1; layer < layers; layer++) {
          const value = weight + (best[(layer - 1) * n + at] as number);
          if (value > (best[layer * n + i] as number)) {
            best[layer * n + i] = value;
            previous[layer * n + i] = at;
          }
        }
      }
      const top = best[(layers - 1) * n + i] as number;
      if (top > answer) {
        answer = top;
        answerAt = i;
        answerLayer = layers - 1;
      }
    }
    // Walk the chain back: a chain of at most k items ends with a predecessor chain of at most k − 1.
    let at = answerAt;
    let layer = answerLayer;
    while (at >= 0 && layer >= 0) {
      chosen[byStart[at] as number] = 1;
      at = previous[layer * n + at] as number;
      layer--;
    }
    return answer;
  }
}
