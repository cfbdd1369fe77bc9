/**
 * When a traveller can meet: local "HH:MM" ranges per weekday (1 = Monday … 7 = Sunday) or per date, optionally for
 * some offer kinds only. The default is weekdays 08:30–19:00 for any meeting plus 19:00–23:00 for dinners and events.
 */
import { invalid } from "../errors";

export interface AvailabilityRange {
  from: string;
  to: string;
  kinds?: string[];
}
export interface Availability {
  weekly: Record<string, AvailabilityRange[]>;
  dates?: Record<string, AvailabilityRange[]>;
}

export const eveningKinds = ["dinner", "event_invitation"];

/** The availability a trip gets when the traveller gives none. */
export function defaultAvailability(): Availability {
  const weekly: Record<string, AvailabilityRange[]> = {};
  for (const day of ["1", "2", "3", "4", "5"]) {
    weekly[day] = [
      { from: "08:30", to: "19:00" },
      { from: "19:00", to: "23:00", kinds: [...eveningKinds] },
    ];
  }
  return { weekly };
}

/**
 * Checks that ranges are ordered and that dated overrides fall within the stay (first to last shown day, ISO
 * strings compare in calendar order). Throws `invalid` naming the range.
 */
export function validateAvailability(availability: Availability, firstDay: string, lastDay: string): void {
  const checkRanges = (ranges: AvailabilityRange[], field: string) =>
    ranges.forEach((range, i) => {
      if (range.from >= range.to) throw invalid(`${field}.${i}.to`, `${field}.${i}.to: must be after from`);
    });
  for (const [day, ranges] of Object.entries(availability.weekly)) checkRanges(ranges, `availability.weekly.${day}`);
  for (const [date, ranges] of Object.entries(availability.dates ?? {})) {
    if (date < firstDay || date > lastDay)
      throw invalid(`availability.dates.${date}`, `availability.dates.${date}: outside the stay`);
    checkRanges(ranges, `availability.dates.${date}`);
  }
}
