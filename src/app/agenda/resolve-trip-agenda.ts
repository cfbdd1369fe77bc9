/**
 * Solves a trip's agenda again from its current offers, busy times and availability, stores the plan as a new
 * version when it differs from the last one, and says what changed. Called on a GET and after an offer changes.
 * The stored plan keeps the key of the inputs it was solved from (the trip's facts and revision): when they have not
 * changed since (the `agenda.resolve` job or an earlier GET solved them), the stored plan is the answer and nothing is
 * solved again.
 * The solve runs on `context.agendaSolver` (a worker thread), so the event loop keeps serving meanwhile; two
 * concurrent resolves of the same inputs share one solve.
 */
import { createHash } from "node:crypto";
import { Temporal } from "temporal-polyfill";
import {
  findMaxAlertScore,
  insertAgendaVersion,
  listAgendaOffers,
  listBusyTimes,
  listLatestAgendas,
  listSlotsOfOffers,
  setAgendaInputsKey,
  type StoredAgenda,
} from "../../db/repositories/agenda.repository";
import { findTripWithCity, type TripWithCity } from "../../db/repositories/offers.repository";
import type { AgendaOutput } from "../../domain/agenda/exchange-format";
import type { Availability } from "../../domain/trips/availability";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import type { AgendaSolveRequest, AgendaSolver } from "./agenda-solver";
import { buildAgendaInput } from "./build-agenda-input";
import {
  asStoredPlan,
  diffPlans,
  localToInstant,
  planKey,
  shownPlan,
  type AgendaChanges,
  type AgendaPlan,
} from "./agenda-plan";

/** The solver's time budget for one request. */
export const agendaBudgetMs = 1500;

export interface ResolvedAgenda {
  tripId: number;
  travellerId: number;
  version: number;
  plan: AgendaPlan;
  changes: AgendaChanges;
  /**
   * The plan of the version before this one, if any: the calendar cancels what it no longer holds. When the stored
   * plan still holds, only with `withPrevious`.
   */
  previous: AgendaPlan | null;
  /** Whether this call stored `version` (the plan changed). */
  stored: boolean;
  /**
   * The plan is the last one stored, solved from older inputs (offers changed since): the solver was busy, and the
   * `agenda.resolve` job that every change queues brings it up to date. Only with `whenSolverBusy: "last-plan"`.
   */
  updating: boolean;
}

export interface ResolveOptions {
  /**
   * When the inputs changed but the solver is busy with other solves: "solve" waits for its turn (the job, the
   * calendar exports); "last-plan" answers the last stored plan at once, marked `updating` (the traveller's page,
   * which asks again shortly). A trip without a stored plan is always solved.
   */
  whenSolverBusy?: "solve" | "last-plan";
  /** Load `previous` too, when the stored plan still holds (the calendars need it; the page does not). */
  withPrevious?: boolean;
}

/** Solves in progress by trip, inputs and previous plan: a second resolve of the same inputs waits for the first. */
const solvesInFlight = new Map<string, Promise<AgendaOutput>>();

function solveOnce(solver: AgendaSolver, key: string, request: AgendaSolveRequest): Promise<AgendaOutput> {
  const running = solvesInFlight.get(key);
  if (running) return running;
  const solving = solver.solve(request).finally(() => solvesInFlight.delete(key));
  solvesInFlight.set(key, solving);
  return solving;
}

/** The plan of the `index`-th stored version (newest first), as shown. */
function planAt(stored: StoredAgenda[], index: number): AgendaPlan | null {
  const plan = stored[index] ? asStoredPlan(stored[index].plan) : null;
  return plan ? shownPlan(plan) : null;
}

/** The plan of the version before `version`: for plans stored before their changes were. */
async function planBefore(
  context: Pick<AppContext, "db">,
  tripId: number,
  version: number,
): Promise<AgendaPlan | null> {
  if (version <= 1) return null;
  return planAt(await listLatestAgendas(context.db, tripId, 2), 1);
}

/** The trip's facts the plan depends on. */
function agendaFacts({ trip, city }: TripWithCity) {
  return {
    kind: trip.kind,
    arrivalDate: trip.arrivalDate,
    departureDate: trip.departureDate,
    availability: trip.availability as Availability,
    maxMeetingsPerDay: trip.maxMeetingsPerDay,
    timeZone: city.timeZone,
  };
}

/**
 * The key of everything a plan is made of: the trip's facts, and its revision, which the database raises whenever its
 * offers (with the names and venues the plan shows), their slots, busy times or alert scores change. An unchanged key
 * means an unchanged plan, so the solver is not asked twice for the same inputs (which also keeps the plan stable),
 * and checking it reads no offer at all.
 */
export function agendaInputsKey(found: TripWithCity, revision: number): string {
  return createHash("sha256")
    .update(JSON.stringify(agendaFacts(found)))
    .update(`revision ${revision}`)
    .digest("base64url");
}

/** `known`: the trip when the caller has just loaded it (saves a query). */
export async function resolveTripAgenda(
  context: Pick<AppContext, "db" | "agendaSolver">,
  tripId: number,
  known?: TripWithCity,
  options: ResolveOptions = {},
): Promise<ResolvedAgenda> {
  const found = known ?? (await findTripWithCity(context.db, tripId));
  if (!found) throw notFound("Trip");
  const { trip, city } = found;
  const zone = city.timeZone;
  // The revision was read with the trip, before the inputs below: a plan is never stored under a newer one.
  const inputsKey = agendaInputsKey(found, found.revision);
  let stored = await listLatestAgendas(context.db, tripId, options.withPrevious ? 2 : 1);
  {
    const [latest] = stored;
    const latestPlan = latest ? asStoredPlan(latest.plan) : null;
    const upToDate = latestPlan?.inputsKey === inputsKey;
    if (
      latest &&
      latestPlan &&
      (upToDate || (options.whenSolverBusy === "last-plan" && context.agendaSolver.pending() > 0))
    ) {
      const previous = options.withPrevious ? planAt(stored, 1) : null;
      let changes = latestPlan.changes;
      if (!changes) {
        // A plan stored before plans kept their changes: they are kept now, once.
        changes = diffPlans(previous ?? (await planBefore(context, tripId, latest.version)), latestPlan);
        if (upToDate) await setAgendaInputsKey(context.db, tripId, latest.version, inputsKey, changes);
      }
      return {
        tripId,
        travellerId: trip.memberId,
        version: latest.version,
        plan: shownPlan(latestPlan),
        changes,
        previous,
        stored: false,
        updating: !upToDate,
      };
    }
  }
  const offers = await listAgendaOffers(context.db, tripId);
  const slots = await listSlotsOfOffers(
    context.db,
    offers.map((offer) => offer.id),
  );
  const busy = await listBusyTimes(context.db, tripId);
  const maxAlertScore = await findMaxAlertScore(context.db, tripId);
  const { input, offersByCandidate } = buildAgendaInput(agendaFacts(found), offers, slots, busy, maxAlertScore);
  // The last stored plan, when it still holds, is kept unless the new one is clearly better: an unchanged week is
  // not shuffled between equally good plans (the solver is time-budgeted, its ties may fall either way).
  const lastPlan = planAt(stored, 0);
  const previousChosen = lastPlan?.chosen.map((item) => ({ id: item.id, start: item.localStart }));
  // The previous plan steers the solve too, so it is part of what two resolves must share to share a solve.
  const output = await solveOnce(
    context.agendaSolver,
    `${tripId}:${inputsKey}:${JSON.stringify(previousChosen ?? null)}`,
    {
      input,
      options: { budgetMs: agendaBudgetMs, seed: `trip-${tripId}`, previous: previousChosen },
    },
  );
  const durations = new Map(input.candidates.map((candidate) => [candidate.id, candidate]));
  const locked = new Set(input.candidates.filter((candidate) => candidate.locked).map((candidate) => candidate.id));

  const chosen: AgendaPlan["chosen"] = [];
  for (const item of output.chosen) {
    const offer = offersByCandidate.get(item.id);
    const candidate = durations.get(item.id);
    if (!offer || !candidate) continue;
    const startZoned = Temporal.PlainDateTime.from(item.start).toZonedDateTime(zone, { disambiguation: "compatible" });
    const endZoned = startZoned.add({ minutes: candidate.duration_min });
    chosen.push({
      id: item.id,
      offerId: offer.id,
      kind: candidate.kind,
      offerKind: offer.kind,
      counterpart: { memberId: offer.senderId, name: offer.senderName },
      venue: offer.venue ? { id: offer.venue.id, name: offer.venue.name } : null,
      start: startZoned.toInstant().toString(),
      end: endZoned.toInstant().toString(),
      localStart: startZoned.toPlainDateTime().toString({ smallestUnit: "minute" }),
      localEnd: endZoned.toPlainDateTime().toString({ smallestUnit: "minute" }),
      locked: locked.has(item.id),
    });
  }
  const unscheduled: AgendaPlan["unscheduled"] = [];
  for (const item of output.unscheduled) {
    const offer = offersByCandidate.get(item.id);
    const candidate = durations.get(item.id);
    if (!offer || !candidate) continue;
    unscheduled.push({
      id: item.id,
      offerId: offer.id,
      kind: candidate.kind,
      counterpart: { memberId: offer.senderId, name: offer.senderName },
      code: item.code,
      params: item.params,
      reason: item.reason,
      alternative:
        item.alternative === null
          ? null
          : { start: localToInstant(item.alternative, zone), localStart: item.alternative },
    });
  }
  const plan: AgendaPlan = {
    timeZone: zone,
    status: output.status,
    solver: output.solver,
    objective: output.objective,
    bound: output.bound,
    gap: output.gap,
    chosen,
    unscheduled,
  };

  // Store a new version only when the plan changed; a concurrent writer of the same version wins, and we read again.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) stored = await listLatestAgendas(context.db, tripId, 2);
    const [latest] = stored;
    const latestPlan = latest ? asStoredPlan(latest.plan) : null;
    if (latest && latestPlan && planKey(latestPlan) === planKey(plan)) {
      // The same plan from newer inputs: remember them, so that the next read of these inputs is not solved again.
      const previous =
        planAt(stored, 1) ?? (latestPlan.changes ? null : await planBefore(context, tripId, latest.version));
      const changes = latestPlan.changes ?? diffPlans(previous, plan);
      await setAgendaInputsKey(context.db, tripId, latest.version, inputsKey, changes);
      return {
        tripId,
        travellerId: trip.memberId,
        version: latest.version,
        plan,
        changes,
        previous,
        stored: false,
        updating: false,
      };
    }
    const version = (latest?.version ?? 0) + 1;
    const changes = diffPlans(latestPlan, plan);
    if (await insertAgendaVersion(context.db, tripId, version, { ...plan, inputsKey, changes }))
      return {
        tripId,
        travellerId: trip.memberId,
        version,
        plan,
        changes,
        previous: latestPlan ? shownPlan(latestPlan) : null,
        stored: true,
        updating: false,
      };
  }
  throw new Error("agenda version kept changing under us");
}
