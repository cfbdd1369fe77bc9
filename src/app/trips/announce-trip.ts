/**
 * Announcing a stay: checks it, stores it, and queues the `alerts.fanout` job that picks and tells the locals, so the
 * request returns before the matching runs. Nothing is stored when any rule fails. With an Idempotency-Key, a retry by
 * the same member replays the first response (`present` of the stored trip) and stores no second trip.
 */
import { findCityBySlug } from "../../db/repositories/cities.repository";
import { findMemberById } from "../../db/repositories/members.repository";
import { insertTrip } from "../../db/repositories/trips.repository";
import { AppError, invalid } from "../../domain/errors";
import { defaultAvailability, type Availability } from "../../domain/trips/availability";
import type { TripAudience } from "../../domain/trips/can-see-trip";
import { normalizeTags } from "../../domain/trips/trip-content";
import { visibleUntil, type TripKind } from "../../domain/trips/trip-dates";
import { validateTrip } from "../../domain/trips/validate-trip";
import type { AppContext } from "../context";
import { runIdempotently } from "../run-idempotently";
import { describeTrips, type TripDetails } from "./trip-details";
import { queueDemoReplies } from "../demo/reply-as-demo-locals";

export interface AnnounceTripCommand {
  city: string;
  kind: TripKind;
  arrivalDate: string;
  arrivalTime?: string | null | undefined;
  departureDate?: string | null | undefined;
  departureTime?: string | null | undefined;
  purpose: "professional" | "personal" | "both";
  seeks: string;
  seeksTags: string[];
  gives: string;
  givesTags: string[];
  availability?: Availability | undefined;
  maxMeetingsPerDay: number;
  audience?: TripAudience | undefined;
}

/** Announces a stay; `present` shapes the response that a repeated Idempotency-Key replays. */
export async function announceTrip<T>(
  context: AppContext,
  viewer: { memberId: number; locale: string; emailVerified: boolean },
  command: AnnounceTripCommand,
  options: { present: (details: TripDetails) => T; idempotencyKey?: string | undefined },
): Promise<{ body: T; replayed: boolean }> {
  if (!viewer.emailVerified)
    throw new AppError("email_not_verified", "Confirm your email address before announcing a trip");
  let tripId: number | undefined;
  const result = await runIdempotently<T>(
    context.db,
    { memberId: viewer.memberId, key: options.idempotencyKey },
    async (remember) => {
      const city = await findCityBySlug(context.db, command.city);
      if (!city) throw invalid("city", `city: no city "${command.city}" on this instance`);
      const member = await findMemberById(context.db, viewer.memberId);
      if (!member) throw invalid("member", "no member profile");
      const now = context.now();
      const draft = {
        kind: command.kind,
        arrivalDate: command.arrivalDate,
        arrivalTime: command.arrivalTime ?? null,
        departureDate: command.kind === "move" ? (command.departureDate ?? null) : (command.departureDate ?? null),
        departureTime: command.departureTime ?? null,
        seeks: command.seeks,
        seeksTags: normalizeTags(command.seeksTags),
        availability: command.availability ?? defaultAvailability(),
      };
      validateTrip(draft, city.timeZone, now);
      return context.db.transaction(async (tx) => {
        const trip = await insertTrip(tx, {
          memberId: viewer.memberId,
          cityId: city.id,
          kind: draft.kind,
          arrivalDate: draft.arrivalDate,
          arrivalTime: draft.arrivalTime,
          departureDate: draft.departureDate,
          departureTime: draft.departureTime,
          purpose: command.purpose,
          seeks: draft.seeks,
          seeksTags: draft.seeksTags,
          gives: command.gives,
          givesTags: normalizeTags(command.givesTags),
          availability: draft.availability,
          maxMeetingsPerDay: command.maxMeetingsPerDay,
          audience: command.audience ?? (member.defaultTripAudience as TripAudience),
          visibleUntil: visibleUntil(draft, city.timeZone),
          createdAt: now,
          updatedAt: now,
        });
        const [details] = await describeTrips(
          tx,
          [
            {
              trip,
              city: { id: city.id, slug: city.slug, name: city.name, nameFr: city.nameFr, timeZone: city.timeZone },
              traveller: { id: member.id, name: member.name, headline: member.headline },
            },
          ],
          viewer,
        );
        if (!details) throw new Error("describeTrips lost the trip");
        const body = options.present(details);
        await remember(tx, body);
        tripId = trip.id;
        return body;
      });
    },
  );
  if (tripId !== undefined) {
    // After the commit. The trip is stored: a queue failure must not answer an error (a retry would announce it
    // twice), and the `trips.expire` sweep queues the fan-out again (requeueLostFanOuts).
    try {
      await context.jobs.send("alerts.fanout", { tripId }, { singletonKey: `alerts.fanout:${tripId}` });
    } catch (error) {
      context.logger.error({ err: error, tripId }, "could not queue the alerts fan-out; the sweep will retry");
    }
    // In demo mode, the demo locals answer after a short delay, so that someone trying the app alone sees the loop.
    await queueDemoReplies(context, tripId);
  }
  return result;
}
