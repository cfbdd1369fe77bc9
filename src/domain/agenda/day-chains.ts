import type { AgendaModel, Placement } from "./agenda-model";

/**
 * The day subproblem of the Lagrangian bound: on each day, the best chain of at most `capacity` placements where each
 * one starts after the previous one ends plus the travel buffer between their venues. A dynamic programme over
 * placements in start order; predecessors that end more than the largest buffer earlier are read from a running
 * maximum, so each placement only checks the few that end just before it. It checks consecutive items only, which
 * makes it a relaxation (a venue-less item between two venues, an overlap across midnight): the exact solver checks
 * the chains it returns.
 *
 * Built on mirrored times (start ↔ −end) it computes the best chains that start at each placement instead, which
 * with the forward table gives the best chain through any placement (used to ban placements that cannot pay).
 */
export class DayChains {
  /** table[layer * P + p]: best weight of a chain ending at p with at most layer + 1 items (−∞ if p unusable). */
  readonly table: Float64Array;
  readonly dayValue: Float64Array;
  private readonly previous: Int32Array;
  private readonly byStart: Int32Array[];
  private readonly byEnd: Int32Array[];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly venues: Int32Array;
  private readonly safeBest: Float64Array;
  private readonly safePrevious: Int32Array;
  private readonly layers: number;
  private readonly count: number;

  constructor(
    private readonly model: AgendaModel,
    isMirrored = false,
  ) {
    const placements: readonly Placement[] = model.placements;
    this.count = placements.length;
    this.starts = Int32Array.from(placements, (placement) => (isMirrored ? -placement.end : placement.start));
    this.ends = Int32Array.from(placements, (placement) => (isMirrored ? -placement.start : placement.end));
    this.venues = Int32Array.from(placements, (placement) => placement.venue);
    const perDay: number[][] = model.days.map(() => []);
    placements.forEach((placement, index) => perDay[placement.day]?.push(index));
    this.byStart = perDay.map((list) =>
      Int32Array.from(list.slice().sort((a, b) => (this.starts[a] ?? 0) - (this.starts[b] ?? 0))),
    );
    this.byEnd = perDay.map((list) =>
      Int32Array.from(list.slice().sort((a, b) => (this.ends[a] ?? 0) - (this.ends[b] ?? 0))),
    );
    this.layers = Math.max(1, model.maxPerDay);
    this.table = new Float64Array(this.layers * this.count);
    this.previous = new Int32Array(this.layers * this.count);
    this.safeBest = new Float64Array(this.layers);
    this.safePrevious = new Int32Array(this.layers);
    this.dayValue = new Float64Array(model.days.length);
  }

  /**
   * Best total weight over all days. Only placements with usable[p] = 1 take part; when `chosen` is given, the
   * placements of the best chains are marked 1 in it (it is cleared first).
   */
  solve(weights: Float64Array, usable: Uint8Array, capacity: Int32Array, chosen: Uint8Array | null): number {
    chosen?.fill(0);
    let total = 0;
    for (let day = 0; day < this.byStart.length; day++) {
      const value = this.solveDay(day, weights, usable, Math.min(this.layers, capacity[day] ?? 0), chosen);
      this.dayValue[day] = value;
      total += value;
    }
    return total;
  }

  private solveDay(
    day: number,
    weights: Float64Array,
    usable: Uint8Array,
    layers: number,
    chosen: Uint8Array | null,
  ): number {
    const byStart = this.byStart[day] as Int32Array;
    const byEnd = this.byEnd[day] as Int32Array;
    const n = byStart.length;
    if (layers <= 0 || n === 0) return 0;
    const { starts, ends, venues, table, previous, safeBest, safePrevious, count } = this;
    const maxTravel = this.model.maxTravelMinutes;
    const travel = this.model.travelMinutes;
    const venueCount = this.model.venues.length;
    safeBest.fill(0, 0, layers);
    safePrevious.fill(-1, 0, layers);
    let pointer = 0;
    let answer = 0;
    let answerAt = -1;
    for (let i = 0; i < n; i++) {
      const current = byStart[i] as number;
      const start = starts[current] as number;
      // Everything that ends a full largest-buffer before this start is compatible whatever its venue.
      while (pointer < n) {
        const earlier = byEnd[pointer] as number;
        if ((ends[earlier] as number) + maxTravel > start) break;
        for (let layer = 0; layer < layers; layer++) {
          const value = table[layer * count + earlier] as number;
          if (value > (safeBest[layer] as number)) {
            safeBest[layer] = value;
            safePrevious[layer] = earlier;
          }
        }
        pointer++;
      }
      if (usable[current] !== 1) {
        for (let layer = 0; layer < layers; layer++) table[layer * count + current] = -Infinity;
        continue;
      }
      const weight = weights[current] as number;
      table[current] = weight;
      previous[current] = -1;
      for (let layer = 1; layer < layers; layer++) {
        table[layer * count + current] = weight + (safeBest[layer - 1] as number);
        previous[layer * count + current] = safePrevious[layer - 1] as number;
      }
      const venue = venues[current] as number;
      for (let scan = pointer; scan < n; scan++) {
        const earlier = byEnd[scan] as number;
        const end = ends[earlier] as number;
        if (end > start) break;
        const earlierVenue = venues[earlier] as number;
        // Inlined bufferBetween: this loop is the solver's hot spot.
        if (
          venue >= 0 &&
          earlierVenue >= 0 &&
          earlierVenue !== venue &&
          end + (travel[earlierVenue * venueCount + venue] as number) > start
        )
          continue;
        for (let layer = 1; layer < layers; layer++) {
          const value = weight + (table[(layer - 1) * count + earlier] as number);
          if (value > (table[layer * count + current] as number)) {
            table[layer * count + current] = value;
            previous[layer * count + current] = earlier;
          }
        }
      }
      const top = table[(layers - 1) * count + current] as number;
      if (top > answer) {
        answer = top;
        answerAt = current;
      }
    }
    if (chosen !== null) {
      // Walk the chain back: a chain of at most k items ends with a predecessor chain of at most k − 1.
      let at = answerAt;
      let layer = layers - 1;
      while (at >= 0 && layer >= 0) {
        chosen[at] = 1;
        at = previous[layer * count + at] as number;
        layer--;
      }
    }
    return answer;
  }
}
