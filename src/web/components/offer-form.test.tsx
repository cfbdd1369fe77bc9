// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Trip } from "../api-types";
import { renderWithProviders, stubFetch } from "../test-support";
import { OfferForm } from "./offer-form";

const trip = {
  id: 12,
  traveller: { memberId: 2001, name: "Julien Castaing", headline: "Blogger" },
  city: { slug: "miami", name: "Miami", timeZone: "America/New_York" },
  kind: "visit",
  arrivalDate: "2026-12-01",
  departureDate: "2026-12-04",
} as Trip;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the offer form", () => {
  it("asks for a place for a lunch and for times inside the stay, sending nothing", async () => {
    const requests = stubFetch(() => ({ status: 500, body: {} }));
    renderWithProviders(<OfferForm trip={trip} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("What do you offer?"), "lunch");
    await user.clear(screen.getByLabelText("Time 1: date"));
    await user.type(screen.getByLabelText("Time 1: date"), "2026-12-09");
    await user.click(screen.getByRole("button", { name: "Send my offer" }));
    expect(screen.getByText("Name the place.")).toBeTruthy();
    expect(screen.getByText("Every time must fall during the stay.")).toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it("offers at most four times, says their time zone, and sends them as instants of the destination", async () => {
    const requests = stubFetch(() => ({ status: 201, body: { id: 3 } }));
    const onSent = vi.fn();
    renderWithProviders(<OfferForm trip={trip} onSent={onSent} />);
    const user = userEvent.setup();
    expect(screen.getByText(/Times are in Miami time \(America\/New_York\)/)).toBeTruthy();
    for (let index = 0; index < 3; index += 1)
      await user.click(screen.getByRole("button", { name: "Add another time" }));
    expect(screen.queryByRole("button", { name: "Add another time" })).toBeNull();
    for (const number of [4, 3, 2]) await user.click(screen.getByRole("button", { name: `Remove time ${number}` }));
    await user.selectOptions(screen.getByLabelText("What do you offer?"), "lunch");
    await user.type(screen.getByLabelText("Message"), "Lunch near the port?");
    await user.clear(screen.getByLabelText("Time 1: hour"));
    await user.type(screen.getByLabelText("Time 1: hour"), "12:30");
    await user.type(screen.getByLabelText("Place"), "Versailles");
    await user.click(screen.getByRole("button", { name: "Send my offer" }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(requests[0]).toMatchObject({
      url: "/api/trips/12/offers",
      method: "POST",
      body: {
        kind: "lunch",
        message: "Lunch near the port?",
        slots: [{ startsAt: "2026-12-01T12:30:00-05:00", durationMinutes: 90 }],
        venue: { name: "Versailles", address: "" },
      },
    });
  });

  it("needs no time for advice, and shows an error that names no field above the form", async () => {
    stubFetch(() => ({ status: 429, body: { error: { code: "rate_limited", message: "Too many offers today" } } }));
    renderWithProviders(<OfferForm trip={trip} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("What do you offer?"), "advice");
    await user.clear(screen.getByLabelText("Time 1: date"));
    await user.click(screen.getByRole("button", { name: "Send my offer" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Too many offers today"));
  });

  it("speaks French", async () => {
    stubFetch(() => ({ status: 500, body: {} }));
    renderWithProviders(<OfferForm trip={trip} />, { language: "fr" });
    expect(screen.getByLabelText("Que proposez-vous ?")).toBeTruthy();
    expect(screen.getByText(/à l'heure de Miami/)).toBeTruthy();
  });
});
