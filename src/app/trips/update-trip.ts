/**
 * Editing a stay: the traveller changes dates, texts, availability or audience; the result passes the same rules
 * as an announcement and `visibleUntil` follows the new dates. The city stays: a different city is a new trip.
 */
import { findCityById } from "../../db/repositories/cities.repository";
import { updateTrip as updateTripRow } from "../../db/repositories/trips.repository";
import { AppError } from "../../domain/errors";
import type { Availability } from "../../domain/trips/availability";
import { isTripCurrent, type TripAudience } from "../../domain/trips/can-see-trip";
import { normalizeTags } from "../../domain/trips/trip-content";
import { visibleUntil, type TripKind } from "../../domain/trips/trip-dates";
import { validateTrip } from "../../domain/trips/validate-trip";
import { queueAgendaResolve } from "../agenda/queue-agenda-resolve";
import type { AppContext } from "../context";
import { findOwnTrip } from "./find-visible-trip";
import { getTrip } from "./get-trip";
import type { TripDetails } from "./trip-details";

export interface UpdateTripCommand {
  kind?: TripKind | undefined;
  arrivalDate?: string | undefined;
  arrivalTime?: string | null | undefined;
  departureDate?: string | null | undefined;
  departureTime?: string | null | undefined;
  purpose?: "professional" | "personal" | "both" | undefined;
  seeks?: string | undefined;
  seeksTags?: string[] | undefined;
  gives?: string | undefined;
  givesTags?: string[] | undefined;
  availability?: Availability | undefined;
  maxMeetingsPerDay?: number | undefined;
  audience?: TripAudience | undefined;
}

export async function updateTrip(
  context: AppContext,
  viewer: { memberId: number; locale: string },
  tripId: number,
  command: UpdateTripCommand,
): Promise<TripDetails> {
  const { trip } = await findOwnTrip(context.db, tripId, viewer.memberId);
  const now = context.now();
  if (!isTripCurrent({ status: trip.status as "active", visibleUntil: trip.visibleUntil }, now))
    throw new AppError("conflict", "This trip is cancelled or over: announce a new one");
  const city = await findCityById(context.db, trip.cityId);
  if (!city) throw new Error(`trip ${trip.id} has no city`);
  const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
  const kind = pick(command.kind, trip.kind as TripKind);
  const draft = {
    kind,
    arrivalDate: pick(command.arrivalDate, trip.arrivalDate),
    arrivalTime: pick(command.arrivalTime, trip.arrivalTime?.slice(0, 5) ?? null),
    // Turning a visit into a move drops its departure unless one is sent (which the rules then refuse).
    departureDate:
      command.departureDate !== undefined ? command.departureDate : kind === "move" ? null : trip.departureDate,
    departureTime:
      command.departureTime !== undefined
        ? command.departureTime
        : kind === "move"
          ? null
          : (trip.departureTime?.slice(0, 5) ?? null),
    seeks: pick(command.seeks, trip.seeks),
    seeksTags: command.seeksTags ? normalizeTags(command.seeksTags) : trip.seeksTags,
    availability: pick(command.availability, trip.availability),
  };
  validateTrip(draft, city.timeZone, now);
  await updateTripRow(
    context.db,
    trip.id,
    {
      ...draft,
      purpose: pick(command.purpose, trip.purpose),
      gives: pick(command.gives, trip.gives),
      givesTags: command.givesTags ? normalizeTags(command.givesTags) : trip.givesTags,
      maxMeetingsPerDay: pick(command.maxMeetingsPerDay, trip.maxMeetingsPerDay),
      audience: pick(command.audience, trip.audience as TripAudience),
      visibleUntil: visibleUntil(draft, city.timeZone),
    },
    now,
  );
  // Days, availability and the daily maximum shape the agenda.
  await queueAgendaResolve(context, trip.id);
  return getTrip(context, viewer, trip.id);
}
