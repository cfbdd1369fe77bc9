/** All the rules a stay must pass before it is stored, for announcing and editing alike. */
import type { Availability } from "./availability";
import { validateAvailability } from "./availability";
import { validateSeeks } from "./trip-content";
import { lastShownDay, validateTripDates, type TripDates } from "./trip-dates";

export interface TripDraft extends TripDates {
  readonly seeks: string;
  readonly seeksTags: readonly string[];
  readonly availability: Availability;
}

/** Throws `invalid` naming the first field to fix: dates, then seeks, then availability. */
export function validateTrip(draft: TripDraft, timeZone: string, now: Date): void {
  validateTripDates(draft, timeZone, now);
  validateSeeks(draft.seeks, draft.seeksTags);
  validateAvailability(draft.availability, draft.arrivalDate, lastShownDay(draft).toString());
}
