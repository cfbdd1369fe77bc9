import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { isInsideAvailability, stayInstants, type TripStay } from "./stay";
import { findSlotProblem } from "./validate-offer";

const weekday = [
  { from: "08:30", to: "19:00" },
  { from: "19:00", to: "23:00", kinds: ["dinner", "event"] },
];
const stay: TripStay = {
  kind: "visit",
  timeZone: "America/New_York",
  arrivalDate: "2030-03-08",
  arrivalTime: null,
  departureDate: "2030-03-11",
  departureTime: null,
  visibleUntil: new Date("2030-03-12T04:00:00Z"),
  availability: { weekly: { "1": weekday, "5": weekday } },
};
const now = new Date("2030-03-04T12:00:00Z");

describe("offer slots", () => {
  it("spans the stay from the arrival's midnight to the end of the departure day, across a DST change", () => {
    const { startsAt, endsAt } = stayInstants(stay);
    expect(startsAt.toString()).toBe("2030-03-08T05:00:00Z");
    // 10 March 2030 is the switch to daylight time: the departure day ends at 04:00Z.
    expect(endsAt.toString()).toBe("2030-03-12T04:00:00Z");
  });

  it("requires a slot except for introductions and advice, at most four", () => {
    expect(findSlotProblem({ kind: "coffee", slots: [], stay, now })?.field).toBe("slots");
    expect(findSlotProblem({ kind: "advice", slots: [], stay, now })).toBeNull();
    const five = Array.from({ length: 5 }, (_, i) => ({
      startsAt: `2030-03-0${8 + (i % 2)}T1${i}:00:00Z`,
      durationMinutes: 30,
    }));
    expect(findSlotProblem({ kind: "coffee", slots: five, stay, now })?.field).toBe("slots");
  });

  it("refuses slots outside the stay, in the past or overlapping each other, naming the slot", () => {
    const slot = (startsAt: string, durationMinutes = 60) => ({ startsAt, durationMinutes });
    expect(findSlotProblem({ kind: "coffee", slots: [slot("2030-03-08T04:00:00Z")], stay, now })?.field).toBe(
      "slots.0.startsAt",
    );
    expect(findSlotProblem({ kind: "coffee", slots: [slot("2030-03-12T03:30:00Z")], stay, now })?.field).toBe(
      "slots.0.startsAt",
    );
    expect(
      findSlotProblem({
        kind: "coffee",
        slots: [slot("2030-03-08T15:00:00Z")],
        stay,
        now: new Date("2030-03-09T00:00:00Z"),
      })?.message,
    ).toMatch(/future/);
    expect(
      findSlotProblem({
        kind: "coffee",
        slots: [slot("2030-03-08T15:00:00Z"), slot("2030-03-08T15:30:00Z")],
        stay,
        now,
      })?.field,
    ).toBe("slots.1.startsAt");
    expect(findSlotProblem({ kind: "coffee", slots: [slot("2030-03-11T03:00:00Z")], stay, now })).toBeNull();
  });

  it("reads availability in the city's zone and by kind", () => {
    const at = (iso: string) => Temporal.Instant.from(iso);
    // Friday 8 March, 19:30 in Miami (UTC−5): dinners yes, coffees no.
    expect(isInsideAvailability(stay.availability, stay.timeZone, at("2030-03-09T00:30:00Z"), 90, ["dinner"])).toBe(
      true,
    );
    expect(isInsideAvailability(stay.availability, stay.timeZone, at("2030-03-09T00:30:00Z"), 45, ["coffee"])).toBe(
      false,
    );
    // Monday 11 March, after the DST change (UTC−4): 08:30 local is 12:30Z.
    expect(isInsideAvailability(stay.availability, stay.timeZone, at("2030-03-11T12:30:00Z"), 30, ["coffee"])).toBe(
      true,
    );
    expect(isInsideAvailability(stay.availability, stay.timeZone, at("2030-03-11T12:00:00Z"), 30, ["coffee"])).toBe(
      false,
    );
    // Saturday: no ranges.
    expect(isInsideAvailability(stay.availability, stay.timeZone, at("2030-03-09T15:00:00Z"), 30, ["coffee"])).toBe(
      false,
    );
  });
});
