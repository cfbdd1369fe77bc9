/**
 * The `agenda.resolve` job: solves a trip's agenda again (accepted items stay locked), stores a new version only when
 * the plan changed, and tells the traveller about every version they were not told about yet: an in-app notification
 * and, by their email preference, an email now ("instant"), a line in the daily digest ("digest") or nothing ("off").
 * Idempotent: the last version told is read from the notifications under the trip's row lock, so a re-run or a
 * version first stored by a GET is told exactly once. The first plan of a trip is not news (its offers were), nor is
 * a version that adds, removes and moves nothing (an accepted item locked where it already was).
 */
import { findLastNotifiedAgendaVersion, listLatestAgendas, lockTripRow } from "../../db/repositories/agenda.repository";
import { findTripWithCity } from "../../db/repositories/offers.repository";
import { insertEmail } from "../../db/repositories/outbox.repository";
import type { AppContext } from "../context";
import { addNotification } from "../notifications/notify-member";
import { agendaChangedEmail, agendaChangeLines, asAgendaLocale, describeChanges } from "./agenda-emails";
import { asStoredPlan, diffPlans } from "./agenda-plan";
import { resolveTripAgenda } from "./resolve-trip-agenda";

export interface ReSolveOutcome {
  version: number;
  stored: boolean;
  /** The version the traveller was told about by this run, if any. */
  notifiedVersion: number | null;
  emailed: boolean;
}

export async function reSolveTripAgenda(
  context: Pick<AppContext, "db" | "now" | "settings" | "jobs" | "agendaSolver">,
  tripId: number,
): Promise<ReSolveOutcome | null> {
  const found = await findTripWithCity(context.db, tripId);
  if (!found || found.trip.status !== "active") return null;
  const resolved = await resolveTripAgenda(context, tripId);
  const { traveller, city } = found;
  const now = context.now();

  const told = await context.db.transaction(async (tx) => {
    await lockTripRow(tx, tripId);
    const lastTold = await findLastNotifiedAgendaVersion(tx, traveller.id, tripId);
    const [latest, beforeLatest] = await listLatestAgendas(tx, tripId, 2);
    if (!latest || latest.version <= Math.max(lastTold, 1)) return null;
    const plan = asStoredPlan(latest.plan);
    if (!plan) return null;
    const previous = beforeLatest ? asStoredPlan(beforeLatest.plan) : null;
    const changes = diffPlans(previous, plan);
    // A version that only locked an accepted item moves nothing: not worth a message.
    if (changes.added.length + changes.removed.length + changes.moved.length === 0) return null;
    const described = describeChanges(changes, { previous, plan });
    await addNotification(tx, {
      memberId: traveller.id,
      kind: "agenda_changed",
      payload: { tripId, version: latest.version, citySlug: city.slug, cityName: city.name, changes, described },
      createdAt: now,
    });
    if (!traveller.email || traveller.emailPreference !== "instant") return { version: latest.version, emailed: false };
    const locale = asAgendaLocale(traveller.locale);
    await insertEmail(tx, {
      memberId: traveller.id,
      toAddress: traveller.email,
      kind: "agenda_changed",
      messageId: `<agenda-${tripId}-v${latest.version}@${new URL(context.settings.baseUrl).hostname}>`,
      ...agendaChangedEmail({
        locale,
        travellerName: traveller.name,
        cityName: city.name,
        lines: agendaChangeLines(described, locale),
        url: `${context.settings.baseUrl}/trips/${tripId}#agenda`,
      }),
    });
    return { version: latest.version, emailed: true };
  });
  if (told?.emailed) await context.jobs.send("outbox.deliver", {}, { singletonKey: "outbox" });
  return {
    version: resolved.version,
    stored: resolved.stored,
    notifiedVersion: told?.version ?? null,
    emailed: told?.emailed ?? false,
  };
}
