/** Trips, arrivals, alerts, alert preferences and unsubscribe: thin handlers over one use case each. */
import {
  announceTripRoute,
  cancelTripRoute,
  getPreferencesRoute,
  getTripRoute,
  listAlertsRoute,
  listArrivalsRoute,
  listMyTripsRoute,
  markAlertSeenRoute,
  unsubscribeRoute,
  updatePreferencesRoute,
  updateTripRoute,
  type Preferences,
  type TripView,
} from "../../api/trips";
import { getPreferences } from "../../app/alerts/get-preferences";
import { listMyAlerts } from "../../app/alerts/list-my-alerts";
import { markAlertSeen } from "../../app/alerts/mark-alert-seen";
import { unsubscribe } from "../../app/alerts/unsubscribe";
import { updatePreferences } from "../../app/alerts/update-preferences";
import { announceTrip } from "../../app/trips/announce-trip";
import { cancelTrip } from "../../app/trips/cancel-trip";
import { getTrip } from "../../app/trips/get-trip";
import { listArrivals } from "../../app/trips/list-arrivals";
import { listMyTrips } from "../../app/trips/list-my-trips";
import type { TripDetails } from "../../app/trips/trip-details";
import { updateTrip } from "../../app/trips/update-trip";
import type { AlertPreferences } from "../../db/repositories/alerts.repository";
import { requireViewer, type RouteRegistrar } from "../http";
import { markReplayed, readIdempotencyKey } from "../idempotency";

const hhmm = (time: string | null): string | null => time?.slice(0, 5) ?? null;

/** The trip as the contract shows it to this viewer: the audience and alert count to the traveller only. */
export function presentTrip(details: TripDetails): TripView {
  const { trip, city, traveller } = details;
  return {
    id: trip.id,
    traveller: { memberId: traveller.id, name: traveller.name, headline: traveller.headline },
    city: { slug: city.slug, name: city.name, timeZone: city.timeZone },
    kind: trip.kind as TripView["kind"],
    arrivalDate: trip.arrivalDate,
    arrivalTime: hhmm(trip.arrivalTime),
    departureDate: trip.departureDate,
    departureTime: hhmm(trip.departureTime),
    purpose: trip.purpose as TripView["purpose"],
    seeks: trip.seeks,
    seeksTags: trip.seeksTags,
    gives: trip.gives,
    givesTags: trip.givesTags,
    availability: trip.availability as TripView["availability"],
    maxMeetingsPerDay: trip.maxMeetingsPerDay,
    status: trip.status as TripView["status"],
    visibleUntil: trip.visibleUntil.toISOString(),
    isMine: details.isMine,
    ...(details.isMine
      ? { audience: trip.audience as NonNullable<TripView["audience"]>, alertedCount: details.alertedCount ?? 0 }
      : {}),
    ...(details.alert
      ? {
          alert: {
            id: details.alert.row.id,
            score: details.alert.row.score,
            reasons: details.alert.row.reasons as Record<string, unknown>[],
            text: details.alert.text,
            seenAt: details.alert.row.seenAt?.toISOString() ?? null,
          },
        }
      : {}),
    createdAt: trip.createdAt.toISOString(),
    updatedAt: trip.updatedAt.toISOString(),
  };
}

const presentPreferences = (preferences: AlertPreferences): Preferences => preferences as Preferences;

export const registerTripRoutes: RouteRegistrar = (router, context, { authSecret }) => {
  // Before /api/trips/{id}, which would read "mine" as an id.
  router.openapi(listMyTripsRoute, async (c) => {
    const { includePast } = c.req.valid("query");
    const trips = await listMyTrips(context, requireViewer(c), { includePast: includePast === "true" });
    return c.json({ trips: trips.map(presentTrip) }, 200);
  });

  router.openapi(announceTripRoute, async (c) => {
    const { body, replayed } = await announceTrip(context, requireViewer(c), c.req.valid("json"), {
      present: presentTrip,
      idempotencyKey: readIdempotencyKey(c),
    });
    markReplayed(c, replayed);
    return c.json(body, 201);
  });

  router.openapi(getTripRoute, async (c) => {
    const trip = await getTrip(context, requireViewer(c), c.req.valid("param").id);
    return c.json(presentTrip(trip), 200);
  });

  router.openapi(updateTripRoute, async (c) => {
    const trip = await updateTrip(context, requireViewer(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(presentTrip(trip), 200);
  });

  router.openapi(cancelTripRoute, async (c) => {
    const trip = await cancelTrip(context, requireViewer(c), c.req.valid("param").id);
    return c.json(presentTrip(trip), 200);
  });

  router.openapi(listArrivalsRoute, async (c) => {
    const trips = await listArrivals(context, requireViewer(c), { citySlug: c.req.valid("query").city });
    return c.json({ trips: trips.map(presentTrip) }, 200);
  });

  router.openapi(listAlertsRoute, async (c) => {
    const alerts = await listMyAlerts(context, requireViewer(c));
    return c.json(
      {
        alerts: alerts.map(({ alert, text, trip }) => ({
          id: alert.id,
          score: alert.score,
          reasons: alert.reasons as Record<string, unknown>[],
          text,
          createdAt: alert.createdAt.toISOString(),
          seenAt: alert.seenAt?.toISOString() ?? null,
          trip: presentTrip(trip),
        })),
      },
      200,
    );
  });

  router.openapi(markAlertSeenRoute, async (c) => {
    const seen = await markAlertSeen(context, requireViewer(c), c.req.valid("param").id);
    return c.json({ id: seen.id, seenAt: seen.seenAt.toISOString() }, 200);
  });

  router.openapi(getPreferencesRoute, async (c) =>
    c.json(presentPreferences(await getPreferences(context, requireViewer(c))), 200),
  );

  router.openapi(updatePreferencesRoute, async (c) =>
    c.json(presentPreferences(await updatePreferences(context, requireViewer(c), c.req.valid("json"))), 200),
  );

  router.openapi(unsubscribeRoute, async (c) => {
    await unsubscribe(context, c.req.valid("query").token, authSecret);
    return c.json({ emailPreference: "off" as const }, 200);
  });
};
