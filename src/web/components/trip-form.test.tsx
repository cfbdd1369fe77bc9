// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { City } from "../api-types";
import { renderWithProviders, stubFetch } from "../test-support";
import { TripForm } from "./trip-form";

const cities: City[] = [
  { id: 1, slug: "miami", name: "Miami", nameFr: null, country: "US", timeZone: "America/New_York", locale: "en" },
  { id: 2, slug: "toulouse", name: "Toulouse", nameFr: null, country: "FR", timeZone: "Europe/Paris", locale: "fr" },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(onAnnounced = vi.fn()) {
  renderWithProviders(
    <TripForm cities={cities} today="2026-12-01" defaultAudience="connections_and_picked" onAnnounced={onAnnounced} />,
  );
  return onAnnounced;
}

/** The message tied to a control through aria-describedby. */
function describedText(element: HTMLElement): string {
  return (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

describe("the trip form", () => {
  it("shows each problem next to its field and sends nothing", async () => {
    const requests = stubFetch(() => ({ status: 500, body: {} }));
    renderForm();
    await userEvent.click(screen.getByRole("button", { name: "Announce" }));
    const city = screen.getByLabelText("City");
    expect(city.getAttribute("aria-invalid")).toBe("true");
    expect(describedText(city)).toContain("Choose a city.");
    expect(describedText(screen.getByLabelText("Arrival"))).toContain("Fill in this field.");
    expect(describedText(screen.getByLabelText("What I am looking for"))).toContain("Say what you are looking for");
    expect(requests).toHaveLength(0);
  });

  it("refuses a departure before the arrival, a past arrival and a visit over 60 days", async () => {
    stubFetch(() => ({ status: 500, body: {} }));
    renderForm();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Arrival"), "2026-11-20");
    await user.type(screen.getByLabelText("Departure"), "2026-11-10");
    await user.click(screen.getByRole("button", { name: "Announce" }));
    expect(describedText(screen.getByLabelText("Arrival"))).toContain("The arrival cannot be in the past.");
    expect(describedText(screen.getByLabelText("Departure"))).toContain(
      "The departure must be on or after the arrival.",
    );
    await user.clear(screen.getByLabelText("Arrival"));
    await user.type(screen.getByLabelText("Arrival"), "2026-12-02");
    await user.clear(screen.getByLabelText("Departure"));
    await user.type(screen.getByLabelText("Departure"), "2027-03-01");
    await user.click(screen.getByRole("button", { name: "Announce" }));
    expect(describedText(screen.getByLabelText("Departure"))).toContain("A visit lasts 60 days at most");
  });

  it("explains each audience in plain words and hides the departure of a move", async () => {
    stubFetch(() => ({ status: 500, body: {} }));
    renderForm();
    expect(screen.getByText(/Your dates are shown only to these people/)).toBeTruthy();
    expect(screen.getByText(/spread across communities/)).toBeTruthy();
    await userEvent.click(screen.getByLabelText("A move (I am settling there)"));
    expect(screen.queryByLabelText("Departure")).toBeNull();
  });

  it("sends a valid trip and puts the API's field error next to the field it names", async () => {
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: { error: { code: "validation_failed", message: "arrivalDate: Invalid ISO date", field: "arrivalDate" } },
    };
    const requests = stubFetch(() => answer);
    const onAnnounced = renderForm();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("City"), "miami");
    await user.type(screen.getByLabelText("Arrival"), "2026-12-10");
    await user.type(screen.getByLabelText("Departure"), "2026-12-14");
    await user.type(screen.getByLabelText("What I am looking for"), "Investors in food tech");
    await user.type(screen.getByLabelText("Looking-for tags"), "food, investors, food");
    await user.click(screen.getByRole("button", { name: "Announce" }));
    await waitFor(() => expect(describedText(screen.getByLabelText("Arrival"))).toContain("Invalid ISO date"));
    expect(requests[0]).toMatchObject({
      url: "/api/trips",
      method: "POST",
      body: {
        city: "miami",
        kind: "visit",
        arrivalDate: "2026-12-10",
        departureDate: "2026-12-14",
        seeks: "Investors in food tech",
        seeksTags: ["food", "investors"],
        audience: "connections_and_picked",
      },
    });
    answer = { status: 201, body: { id: 7 } };
    await user.click(screen.getByRole("button", { name: "Announce" }));
    await waitFor(() => expect(onAnnounced).toHaveBeenCalledWith({ id: 7 }));
  });
});
