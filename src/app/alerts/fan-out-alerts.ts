/**
 * The `alerts.fanout` job: picks the locals of a trip and tells them. Idempotent: alerts are unique per (trip,
 * member) and a trip that already has alerts is not picked again, so a re-run creates no alert, notification or
 * email twice; alerts, notifications and emails of one run are written in one transaction.
 */
import { findTripWithContext, markTripFannedOut } from "../../db/repositories/trips.repository";
import { countAlertsOfTrip, insertAlerts, listAlertRecipients } from "../../db/repositories/alerts.repository";
import { loadCityMatchingRows } from "../../db/repositories/matching-state.repository";
import { insertEmail } from "../../db/repositories/outbox.repository";
import type { EpochMs, MatchReason } from "../../domain/matching/types";
import { pickLocalsAroundGatekeepers } from "../../domain/trips/pick-locals-around-gatekeepers";
import { isTripCurrent } from "../../domain/trips/can-see-trip";
import type { AppContext } from "../context";
import { addNotifications } from "../notifications/notify-member";
import { alertEmail, alertSubject, alertText, asLocale, type AlertTripFacts } from "./alert-email";
import { cityKey, gatekeepersFromReport, memberKey, toMatchingState } from "./load-matching-state";
import { createUnsubscribeToken } from "./unsubscribe-token";

const capWindowMs = 7 * 24 * 60 * 60 * 1000;

export interface FanOutResult {
  alerted: number;
  emailsQueued: number;
}

/** The link of a trip and of the unsubscribe endpoint, from the instance's base URL. */
export function alertLinks(baseUrl: string, tripId: number, memberId: number, secret: string) {
  return {
    tripUrl: `${baseUrl}/trips/${tripId}`,
    unsubscribeUrl: `${baseUrl}/api/unsubscribe?token=${encodeURIComponent(createUnsubscribeToken(memberId, secret))}`,
  };
}

export async function fanOutAlerts(
  context: AppContext,
  options: { tripId: number; secret: string; limit?: number },
): Promise<FanOutResult> {
  const found = await findTripWithContext(context.db, options.tripId);
  const now = context.now();
  if (!found || !isTripCurrent({ status: found.trip.status as "active", visibleUntil: found.trip.visibleUntil }, now))
    return { alerted: 0, emailsQueued: 0 };
  if ((await countAlertsOfTrip(context.db, found.trip.id)) > 0) {
    await markTripFannedOut(context.db, found.trip.id, now);
    return { alerted: 0, emailsQueued: 0 };
  }
  const { trip, city, traveller } = found;

  const rows = await loadCityMatchingRows(context.db, {
    cityId: city.id,
    travellerId: traveller.id,
    alertsSince: new Date(now.getTime() - capWindowMs),
  });
  const state = toMatchingState(rows, { travellerId: traveller.id, onlyConnections: trip.audience === "connections" });
  const tripTags = [...trip.seeksTags, ...trip.givesTags];
  // The gatekeepers (from the cached city report) get no larger a share of the alerts than of the candidates.
  const { picks } = pickLocalsAroundGatekeepers(
    state,
    {
      travellerId: memberKey(traveller.id),
      cityId: cityKey(city.id),
      seeks: [trip.seeks, ...trip.seeksTags].join(" "),
      gives: [trip.gives, ...trip.givesTags].join(" "),
      ...(tripTags.length > 0 ? { tags: tripTags } : {}),
    },
    {
      now: now.getTime() as EpochMs,
      limit: options.limit ?? 25,
      capWindowMs,
      gatekeepers: gatekeepersFromReport(rows.cityReport).map(memberKey),
    },
  );
  // Blocks are absolute: the engine drops them, and this re-check keeps it so whatever the engine does.
  const blocked = new Set(rows.blocked);
  const chosen = picks.filter((pick) => !blocked.has(Number(pick.memberId)) && Number(pick.memberId) !== traveller.id);
  if (chosen.length === 0) {
    await markTripFannedOut(context.db, trip.id, now);
    return { alerted: 0, emailsQueued: 0 };
  }

  const recipients = new Map(
    (
      await listAlertRecipients(
        context.db,
        chosen.map((pick) => Number(pick.memberId)),
      )
    ).map((r) => [r.memberId, r]),
  );
  const facts: AlertTripFacts = {
    tripId: trip.id,
    kind: trip.kind === "move" ? "move" : "visit",
    arrivalDate: trip.arrivalDate,
    departureDate: trip.departureDate,
    travellerName: traveller.name,
    cityName: city.name,
    cityNameFr: city.nameFr,
  };
  const host = new URL(context.settings.baseUrl).hostname;
  let emailsQueued = 0;
  const created = await context.db.transaction(async (tx) => {
    const inserted = await insertAlerts(
      tx,
      chosen.map((pick) => ({
        tripId: trip.id,
        memberId: Number(pick.memberId),
        score: pick.score,
        reasons: [...pick.reasons],
      })),
      now,
    );
    await addNotifications(
      tx,
      inserted.map((alert) => ({
        memberId: alert.memberId,
        kind: "trip_alert",
        payload: { alertId: alert.id, tripId: trip.id, travellerName: traveller.name, citySlug: city.slug },
      })),
      now,
    );
    for (const alert of inserted) {
      const recipient = recipients.get(alert.memberId);
      if (!recipient?.email || recipient.emailPreference !== "instant") continue;
      const locale = asLocale(recipient.locale);
      const links = alertLinks(context.settings.baseUrl, trip.id, alert.memberId, options.secret);
      const content = alertEmail(
        [{ text: alertText(facts, alert.reasons as MatchReason[], locale), tripUrl: links.tripUrl }],
        {
          locale,
          subject: alertSubject(facts, locale),
          unsubscribeUrl: links.unsubscribeUrl,
        },
      );
      await insertEmail(tx, {
        memberId: alert.memberId,
        toAddress: recipient.email,
        kind: "trip_alert",
        messageId: `<alert-${alert.id}@${host}>`,
        ...content,
      });
      emailsQueued += 1;
    }
    await markTripFannedOut(tx, trip.id, now);
    return inserted;
  });
  if (emailsQueued > 0) await context.jobs.send("outbox.deliver", {}, { singletonKey: "outbox" });
  context.logger.info({ tripId: trip.id, alerted: created.length, emailsQueued }, "alerts fanned out");
  return { alerted: created.length, emailsQueued };
}
