// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryRouter, Route, Routes } from "react-router";
import { i18next } from "../i18n";
import { stubFetch } from "../test-support";
import { OfferPage } from "./offer-page";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The local (member 7) offered lunch to Pierre's trip to Miami; Pierre proposed Wednesday 6 March 2030 at 14:30
// Miami time (19:30 UTC, the week before the daylight-saving switch), the agenda's alternative.
const local = { memberId: 7, name: "Ana", email: "ana@example.test", emailVerified: true, locale: "en", roles: [] };
const traveller = { ...local, memberId: 3, name: "Pierre", email: "pierre@example.test" };
const trip = {
  id: 11,
  traveller: { memberId: 3, name: "Pierre", headline: "" },
  city: { slug: "miami", name: "Miami", timeZone: "America/New_York" },
  kind: "visit",
};
const slot = { id: 21, startsAt: "2030-03-06T17:00:00.000Z", durationMinutes: 60 };
const proposal: { id: number; startsAt: string; durationMinutes: number; status: string; slotId: number | null } = {
  id: 5,
  startsAt: "2030-03-06T19:30:00.000Z",
  durationMinutes: 60,
  status: "pending",
  slotId: null,
};
const offer = {
  id: 9,
  tripId: 11,
  kind: "lunch",
  message: "Lunch near Brickell?",
  status: "open",
  starred: false,
  anotherTimeRequested: false,
  declineNote: null,
  acceptedSlotId: null,
  eventId: null,
  meetingId: null,
  sender: { memberId: 7, name: "Ana", headline: "", isDemo: false },
  venue: null,
  slots: [slot],
  proposals: [proposal],
  createdAt: "2030-03-04T12:00:00.000Z",
  updatedAt: "2030-03-04T12:00:00.000Z",
};

function renderOffer(viewer: typeof local, language: "en" | "fr" = "en") {
  let current: typeof offer = offer;
  const requests = stubFetch((request) => {
    if (request.url === "/api/me") return { status: 200, body: { ...viewer, isDemo: false } };
    if (request.url === "/api/trips/11") return { status: 200, body: trip };
    if (request.url === "/api/offers/9/messages") return { status: 200, body: { messages: [] } };
    if (request.url === "/api/offers/9" && request.method === "GET") return { status: 200, body: current };
    if (request.url === "/api/offers/9/proposals/5/accept" && request.method === "POST") {
      current = {
        ...offer,
        slots: [slot, { id: 22, startsAt: proposal.startsAt, durationMinutes: 60 }],
        proposals: [{ ...proposal, status: "accepted", slotId: 22 }],
      };
      return { status: 200, body: current };
    }
    return { status: 404, body: { error: { code: "not_found", message: "Not found" } } };
  });
  void i18next.changeLanguage(language);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={["/offers/9"]}>
        <Routes>
          <Route path="/offers/:id" element={<OfferPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return requests;
}

describe("a time the traveller proposed, on the offer page", () => {
  it("shows the local the time in Miami's zone with Accept this time; accepting adds it to the offer's times", async () => {
    const requests = renderOffer(local);
    const proposals = await screen.findByRole("region", { name: "Times Pierre proposed (America/New_York)" });
    // 19:30 UTC is 2:30 PM in Miami that day, whatever the browser's own zone.
    expect(within(proposals).getByText(/Wed, Mar 6, 2:30\sPM · 60 minutes/)).toBeTruthy();
    const times = screen.getByRole("region", { name: "Proposed times (America/New_York)" });
    expect(within(times).queryByText(/2:30\sPM/)).toBeNull();

    const user = userEvent.setup();
    await user.click(within(proposals).getByRole("button", { name: /^Accept this time/ }));
    await waitFor(() => expect(within(times).getByText(/Wed, Mar 6, 2:30\sPM/)).toBeTruthy());
    expect(screen.queryByRole("region", { name: /Times Pierre proposed/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Accept this time/ })).toBeNull();
    expect(requests.filter((request) => request.method === "POST").map((request) => request.url)).toEqual([
      "/api/offers/9/proposals/5/accept",
    ]);
  });

  it("speaks French to a French local", async () => {
    renderOffer(local, "fr");
    const proposals = await screen.findByRole("region", { name: "Horaires proposés par Pierre (America/New_York)" });
    expect(within(proposals).getByRole("button", { name: /^Accepter cet horaire/ })).toBeTruthy();
    expect(within(proposals).getByText(/14:30/)).toBeTruthy();
  });

  it("shows the traveller their proposal waiting for the local, with nothing to accept", async () => {
    renderOffer(traveller);
    const proposals = await screen.findByRole("region", { name: "Times you proposed (America/New_York)" });
    expect(within(proposals).getByText("waiting for Ana's answer")).toBeTruthy();
    expect(within(proposals).queryByRole("button")).toBeNull();
  });
});
