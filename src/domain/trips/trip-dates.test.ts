import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { alertHeadline, formatStayDates } from "./alert-text";
import { validateTripDates, visibleUntil } from "./trip-dates";

const now = new Date("2026-11-26T12:00:00Z");
const fieldOf = (run: () => void): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.details.field;
    throw error;
  }
  return undefined;
};

describe("trip dates", () => {
  it("accepts a stay that has begun and refuses past, too long or malformed ones by field", () => {
    const zone = "America/New_York";
    const visit = (arrivalDate: string, departureDate: string | null) => () =>
      validateTripDates({ kind: "visit", arrivalDate, departureDate }, zone, now);
    expect(fieldOf(visit("2026-11-20", "2026-11-28"))).toBeUndefined();
    expect(fieldOf(visit("2026-11-20", "2026-11-25"))).toBe("departureDate");
    expect(fieldOf(visit("2026-12-01", "2027-01-31"))).toBe("departureDate");
    expect(fieldOf(visit("2026-12-01", "2027-01-30"))).toBeUndefined();
    expect(fieldOf(visit("2026-02-30", "2026-12-01"))).toBe("arrivalDate");
    expect(fieldOf(visit("2026-12-01", null))).toBe("departureDate");
    expect(
      fieldOf(() =>
        validateTripDates({ kind: "move", arrivalDate: "2026-12-01", departureDate: "2026-12-02" }, zone, now),
      ),
    ).toBe("departureDate");
  });

  it("ends the visibility at the end of the last day in the city's zone, across DST", () => {
    expect(
      visibleUntil({ kind: "visit", arrivalDate: "2026-12-01", departureDate: "2026-12-04" }, "America/New_York"),
    ).toEqual(new Date("2026-12-05T05:00:00Z"));
    expect(
      visibleUntil({ kind: "visit", arrivalDate: "2027-03-27", departureDate: "2027-03-28" }, "Europe/Paris"),
    ).toEqual(new Date("2027-03-28T22:00:00Z"));
    expect(visibleUntil({ kind: "move", arrivalDate: "2026-12-01" }, "Europe/Paris")).toEqual(
      new Date("2027-03-01T23:00:00Z"),
    );
  });

  it("formats stays in English and French", () => {
    const stay = { kind: "visit" as const, arrivalDate: "2026-12-01", departureDate: "2026-12-04" };
    expect(formatStayDates(stay, "en")).toBe("Tue 1 – Fri 4 Dec");
    expect(alertHeadline(stay, { traveller: "Pierre", city: "Miami" }, "fr")).toBe(
      "Pierre arrive à Miami du mar. 1 au ven. 4 déc.",
    );
    expect(formatStayDates({ ...stay, departureDate: "2027-01-02" }, "en")).toBe("Tue, 1 Dec 2026 – Sat, 2 Jan 2027");
    expect(
      alertHeadline(
        { kind: "move", arrivalDate: "2026-12-01", departureDate: null },
        { traveller: "Ana", city: "Toulouse" },
        "en",
      ),
    ).toBe("Ana moves to Toulouse on Tue 1 Dec");
  });
});
