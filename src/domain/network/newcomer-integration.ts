/**
 * Newcomer integration: how many newcomers are woven into the local network soon after they arrive, and how long
 * the first tie takes (Kaplan–Meier, so newcomers still waiting are counted as censored, not dropped).
 * Times are epoch milliseconds; the caller passes `now`.
 */

export const dayMilliseconds = 86_400_000;

export interface Arrival {
  readonly id: string;
  readonly arrivedAt: number;
}

export interface DatedTie {
  readonly a: string;
  readonly b: string;
  readonly firstMetAt: number;
}

export interface SurvivalStep {
  /** Days since arrival. */
  readonly day: number;
  /** Share still without a tie after that day. */
  readonly survival: number;
  readonly atRisk: number;
  readonly events: number;
}

export interface NewcomerIntegration {
  /** Newcomers who arrived at least `windowDays` before now. */
  readonly eligible: number;
  /** Of those, how many had at least `requiredTies` ties to incumbents within `windowDays` of arrival. */
  readonly integrated: number;
  /** integrated / eligible, null when nobody is eligible. */
  readonly share: number | null;
  /** Kaplan–Meier median of days to the first tie with anyone; null when half never got one in the observed time. */
  readonly medianDaysToFirstTie: number | null;
  readonly firstTieObserved: number;
  readonly firstTieCensored: number;
  readonly survival: SurvivalStep[];
}

/**
 * Kaplan–Meier estimator: S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ / nᵢ). Censored durations leave the risk set
 * after their time (ties at the same time: events first, the usual convention).
 */
export function kaplanMeier(durations: readonly { time: number; observed: boolean }[]): {
  steps: SurvivalStep[];
  median: number | null;
} {
  const sorted = durations.slice().sort((x, y) => x.time - y.time || Number(y.observed) - Number(x.observed));
  let atRisk = sorted.length;
  let survival = 1;
  let median: number | null = null;
  const steps: SurvivalStep[] = [];
  let i = 0;
  while (i < sorted.length) {
    const time = (sorted[i] as { time: number }).time;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && (sorted[i] as { time: number }).time === time) {
      if ((sorted[i] as { observed: boolean }).observed) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      steps.push({ day: time, survival, atRisk, events });
      if (median === null && survival <= 0.5) median = time;
    }
    atRisk -= leaving;
  }
  return { steps, median };
}

/**
 * Share of newcomers with ≥ `requiredTies` (default 3) ties to incumbents within `windowDays` (default 30) of
 * arrival, and the Kaplan–Meier median days to the first tie. A tie counts from the day the two first met; ties
 * met before arrival (say on a visit) count as on arrival day.
 */
export function newcomerIntegration(input: {
  readonly newcomers: readonly Arrival[];
  /** Whether a member is an incumbent (not a newcomer). */
  readonly isIncumbent: (id: string) => boolean;
  readonly ties: readonly DatedTie[];
  readonly now: number;
  readonly windowDays?: number;
  readonly requiredTies?: number;
}): NewcomerIntegration {
  const windowMilliseconds = (input.windowDays ?? 30) * dayMilliseconds;
  const required = input.requiredTies ?? 3;
  const arrival = new Map(input.newcomers.map((newcomer) => [newcomer.id, newcomer.arrivedAt]));
  const incumbentTies = new Map<string, number>();
  const firstTie = new Map<string, number>();
  const note = (newcomer: string, other: string, at: number): void => {
    const arrivedAt = arrival.get(newcomer);
    if (arrivedAt === undefined || at > input.now) return;
    const previous = firstTie.get(newcomer);
    if (previous === undefined || at < previous) firstTie.set(newcomer, at);
    if (at <= arrivedAt + windowMilliseconds && input.isIncumbent(other))
      incumbentTies.set(newcomer, (incumbentTies.get(newcomer) ?? 0) + 1);
  };
  for (const tie of input.ties) {
    note(tie.a, tie.b, tie.firstMetAt);
    note(tie.b, tie.a, tie.firstMetAt);
  }
  let eligible = 0;
  let integrated = 0;
  const durations: { time: number; observed: boolean }[] = [];
  for (const newcomer of input.newcomers) {
    if (newcomer.arrivedAt > input.now) continue;
    if (newcomer.arrivedAt + windowMilliseconds <= input.now) {
      eligible++;
      if ((incumbentTies.get(newcomer.id) ?? 0) >= required) integrated++;
    }
    const first = firstTie.get(newcomer.id);
    durations.push(
      first === undefined
        ? {
            time: Math.floor((input.now - newcomer.arrivedAt) / dayMilliseconds),
            observed: false,
          }
        : {
            time: Math.max(0, Math.floor((first - newcomer.arrivedAt) / dayMilliseconds)),
            observed: true,
          },
    );
  }
  const { steps, median } = kaplanMeier(durations);
  const observed = durations.filter((duration) => duration.observed).length;
  return {
    eligible,
    integrated,
    share: eligible > 0 ? integrated / eligible : null,
    medianDaysToFirstTie: median,
    firstTieObserved: observed,
    firstTieCensored: durations.length - observed,
    survival: steps,
  };
}
