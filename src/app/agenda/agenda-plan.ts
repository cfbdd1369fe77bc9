/** The plan the app shows and stores: chosen items with instants and wall times, what was left out and why. */
import { Temporal } from "temporal-polyfill";
import type { AgendaKind } from "../../domain/agenda/agenda-kind";

export interface AgendaPlanItem {
  id: string;
  offerId: number;
  kind: AgendaKind;
  offerKind: string;
  counterpart: { memberId: number; name: string };
  venue: { id: number; name: string } | null;
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
  locked: boolean;
}

export interface AgendaPlanUnscheduled {
  id: string;
  offerId: number;
  kind: AgendaKind;
  counterpart: { memberId: number; name: string };
  code: string;
  params: Record<string, string | number>;
  reason: string;
  alternative: { start: string; localStart: string } | null;
}

export interface AgendaPlan {
  timeZone: string;
  status: "optimal" | "feasible" | "infeasible";
  solver: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  chosen: AgendaPlanItem[];
  unscheduled: AgendaPlanUnscheduled[];
}

export interface AgendaChanges {
  added: string[];
  removed: string[];
  moved: string[];
}

/** The instant (ISO UTC) of a local wall time "YYYY-MM-DDTHH:MM" in a zone. */
export function localToInstant(local: string, timeZone: string): string {
  return Temporal.PlainDateTime.from(local)
    .toZonedDateTime(timeZone, { disambiguation: "compatible" })
    .toInstant()
    .toString();
}

/** The wall time "YYYY-MM-DDTHH:MM" of an instant in a zone. */
export function instantToLocal(instant: Date | string, timeZone: string): string {
  const epoch = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return Temporal.Instant.fromEpochMilliseconds(epoch)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}

/** What decides whether a new version is stored: the chosen items and their starts, and what was left out. */
export function planKey(plan: AgendaPlan): string {
  return JSON.stringify({
    chosen: plan.chosen.map((item) => [item.id, item.start, item.end, item.venue?.id ?? null, item.locked]),
    unscheduled: plan.unscheduled.map((item) => [item.id, item.code]).sort(),
  });
}

/** Added, removed and moved chosen items from one plan to the next. */
export function diffPlans(previous: AgendaPlan | null, next: AgendaPlan): AgendaChanges {
  const before = new Map((previous?.chosen ?? []).map((item) => [item.id, item]));
  const after = new Map(next.chosen.map((item) => [item.id, item]));
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    moved: [...after.values()]
      .filter((item) => {
        const old = before.get(item.id);
        return old !== undefined && (old.start !== item.start || old.end !== item.end);
      })
      .map((item) => item.id),
  };
}

/**
 * A plan as stored: with the key of the inputs it was solved from (`agendaInputsKey`), and what changed from the
 * version before (each absent in plans stored before it was kept).
 */
export type StoredPlan = AgendaPlan & { inputsKey?: string; changes?: AgendaChanges };

/** A stored plan read back; anything else (an older shape) counts as no plan. */
export function asStoredPlan(value: unknown): StoredPlan | null {
  if (typeof value !== "object" || value === null) return null;
  const plan = value as Partial<StoredPlan>;
  return Array.isArray(plan.chosen) && Array.isArray(plan.unscheduled) ? (plan as StoredPlan) : null;
}

/** The plan as shown, without what is stored beside it (the key of its inputs, its changes). */
export function shownPlan(plan: StoredPlan): AgendaPlan {
  const { inputsKey: _inputsKey, changes: _changes, ...shown } = plan;
  return shown;
}
