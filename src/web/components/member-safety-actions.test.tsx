// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders, stubFetch } from "../test-support";
import { MessageThread } from "./message-thread";
import { ReportForm } from "./member-safety-actions";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const viewer = {
  memberId: 1,
  name: "Me",
  email: "me@example.test",
  emailVerified: true,
  locale: "en",
  roles: [],
  isDemo: false,
};

describe("reporting", () => {
  it("sends the reason and details, and says a second report is already with the moderators", async () => {
    let answer = { status: 201, body: { id: 1 } as unknown };
    const requests = stubFetch(() => answer);
    renderWithProviders(<ReportForm targetKind="event" targetId={9} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Reason"), "harassment");
    await user.type(screen.getByLabelText("What happened"), "Rude to guests");
    await user.click(screen.getByRole("button", { name: "Send the report" }));
    expect(await screen.findByText("Thank you: the moderators will look at it.")).toBeTruthy();
    expect(requests[0]).toMatchObject({
      url: "/api/reports",
      method: "POST",
      body: { targetKind: "event", targetId: 9, reason: "harassment", details: "Rude to guests" },
    });
    cleanup();
    answer = { status: 409, body: { error: { code: "conflict", message: "already" } } };
    renderWithProviders(<ReportForm targetKind="event" targetId={9} />);
    await user.click(screen.getByRole("button", { name: "Send the report" }));
    expect(await screen.findByText("You already reported this; the moderators will look at it.")).toBeTruthy();
  });

  it("offers to report the other member's messages in an offer's thread, not one's own", async () => {
    const requests = stubFetch((request) => {
      if (request.url === "/api/me") return { status: 200, body: viewer };
      if (request.url === "/api/offers/3/messages" && request.method === "GET")
        return {
          status: 200,
          body: {
            messages: [
              { id: 10, authorId: 2, authorName: "Emily", body: "Buy my course!", createdAt: "2026-11-20T10:00:00Z" },
              { id: 11, authorId: 1, authorName: "Me", body: "No thanks", createdAt: "2026-11-20T10:05:00Z" },
            ],
          },
        };
      return { status: 201, body: { id: 5 } };
    });
    renderWithProviders(<MessageThread path="/api/offers/3/messages" label="Messages with Emily" empty="None" />);
    const user = userEvent.setup();
    const list = await screen.findByRole("list", { name: "Messages" });
    await waitFor(() => expect(within(list).getAllByRole("button", { name: "Report this message" })).toHaveLength(1));
    await user.click(within(list).getByRole("button", { name: "Report this message" }));
    await user.click(screen.getByRole("button", { name: "Send the report" }));
    await screen.findByText("Thank you: the moderators will look at it.");
    expect(requests.find((request) => request.url === "/api/reports")?.body).toMatchObject({
      targetKind: "offer_message",
      targetId: 10,
    });
  });
});
