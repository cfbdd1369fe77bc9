// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Agenda } from "../api-types";
import { renderWithProviders, stubFetch } from "../test-support";
import { AgendaPanel } from "./agenda-panel";

const agenda: Agenda = {
  tripId: 12,
  version: 3,
  timeZone: "America/New_York",
  status: "optimal",
  solver: "exact",
  objective: 60,
  bound: 60,
  gap: 0,
  updating: false,
  chosen: [],
  unscheduled: [
    {
      id: "offer-7",
      offerId: 7,
      kind: "coffee",
      counterpart: { memberId: 3, name: "Ben" },
      code: "day_full",
      params: {},
      reason: "your Wednesday is full",
      alternative: { start: "2030-03-07T15:30:00Z", localStart: "2030-03-07T10:30" },
    },
    {
      id: "offer-8",
      offerId: 8,
      kind: "lunch",
      counterpart: { memberId: 4, name: "Cleo" },
      code: "outside_availability",
      params: {},
      reason: "outside your availability",
      alternative: null,
    },
  ],
  changes: { added: ["offer-9"], removed: ["offer-7"], moved: [] },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the agenda panel", () => {
  it("proposes a left-out offer's alternative start in one click, in the city's time", async () => {
    const requests = stubFetch(() => ({ status: 200, body: { id: 7 } }));
    renderWithProviders(<AgendaPanel tripId={12} agenda={agenda} />);
    expect(screen.getByText("Since the last plan: 1 added, 1 removed, 0 moved.")).toBeTruthy();
    // Only the offer with an alternative gets a button; 15:30 UTC is 10:30 in New York.
    const buttons = screen.getAllByRole("button", { name: /^Propose .* instead$/ });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.textContent).toMatch(/10:30/);
    await userEvent.setup().click(buttons[0]!);
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^Proposed to Ben: .*10:30/));
    expect(requests).toEqual([
      { url: "/api/offers/7/propose-time", method: "POST", body: { startsAt: "2030-03-07T15:30:00Z" } },
    ]);
    expect(screen.queryByRole("button", { name: /^Propose .* instead$/ })).toBeNull();
  });

  it("says when the plan is being updated, and only then", () => {
    renderWithProviders(<AgendaPanel tripId={12} agenda={{ ...agenda, updating: true }} />);
    expect(screen.getByText("New offers came in: the plan is being updated…")).toBeTruthy();
    cleanup();
    renderWithProviders(<AgendaPanel tripId={12} agenda={agenda} />);
    expect(screen.queryByText(/the plan is being updated/)).toBeNull();
  });

  it("speaks French, and shows the server's refusal", async () => {
    stubFetch(() => ({
      status: 409,
      body: { error: { code: "conflict", message: "This offer is withdrawn: propose a time on an open offer" } },
    }));
    renderWithProviders(<AgendaPanel tripId={12} agenda={agenda} />, { language: "fr" });
    const button = screen.getByRole("button", { name: /^Proposer plutôt / });
    await userEvent.setup().click(button);
    await waitFor(() => expect(screen.getByText(/This offer is withdrawn/)).toBeTruthy());
    expect(screen.getByRole("button", { name: /^Proposer plutôt / })).toBeTruthy();
  });
});
