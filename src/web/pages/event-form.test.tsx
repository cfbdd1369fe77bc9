// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { City, EventView } from "../api-types";
import { MessageThread } from "../components/message-thread";
import { renderWithProviders, stubFetch } from "../test-support";
import { EventForm } from "./create-event-page";

const miami = { id: 1, slug: "miami", name: "Miami", timeZone: "America/New_York" } as City;
const event = {
  id: 40,
  cityId: 1,
  citySlug: "miami",
  timeZone: "America/New_York",
  host: { memberId: 7, name: "Ana Aguilar" },
  title: "Founders' evening",
  titleFr: null,
  description: "Drinks",
  descriptionFr: null,
  tags: ["founders", "fintech"],
  venueId: null,
  // 19:00–21:00 in Miami (EST, UTC−5).
  startsAt: "2031-01-14T00:00:00.000Z",
  endsAt: "2031-01-14T02:00:00.000Z",
  capacity: 40,
  seatsTaken: 3,
  audience: "members",
  approvalRequired: false,
  status: "scheduled",
  sequence: 0,
  myRsvp: null,
  waitlistPosition: null,
} as EventView;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the event form in edit mode", () => {
  it("starts from the event in the city's wall time, checks the fields, and saves with a PATCH that leaves the city alone", async () => {
    const requests = stubFetch((request) => ({
      status: 200,
      body: { ...event, ...(request.body as object) },
    }));
    renderWithProviders(<EventForm cities={[miami]} event={event} />);
    const user = userEvent.setup();
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("Founders' evening");
    expect((screen.getByLabelText("Date") as HTMLInputElement).value).toBe("2031-01-13");
    expect((screen.getByLabelText("Starts at") as HTMLInputElement).value).toBe("19:00");
    expect((screen.getByLabelText("Themes") as HTMLInputElement).value).toBe("founders, fintech");
    expect((screen.getByLabelText("City") as HTMLSelectElement).disabled).toBe(true);

    await user.clear(screen.getByLabelText("Title"));
    await user.clear(screen.getByLabelText("Ends at"));
    await user.type(screen.getByLabelText("Ends at"), "18:00");
    await user.click(screen.getByRole("button", { name: "Save the changes" }));
    expect(screen.getByText("Fill in this field.")).toBeTruthy();
    expect(screen.getByText("The end must come after the start.")).toBeTruthy();
    expect(requests).toHaveLength(0);

    await user.type(screen.getByLabelText("Title"), "Founders' evening, moved");
    await user.clear(screen.getByLabelText("Ends at"));
    await user.type(screen.getByLabelText("Ends at"), "22:00");
    await user.click(screen.getByRole("button", { name: "Save the changes" }));
    await waitFor(() => expect(requests).toHaveLength(1));
    const [sent] = requests;
    expect(sent?.method).toBe("PATCH");
    expect(sent?.url).toBe("/api/events/40");
    const body = sent?.body as Record<string, unknown>;
    expect(body.cityId).toBeUndefined();
    expect(body.title).toBe("Founders' evening, moved");
    expect(body.tags).toEqual(["founders", "fintech"]);
    expect(new Date(String(body.startsAt)).toISOString()).toBe("2031-01-14T00:00:00.000Z");
    expect(new Date(String(body.endsAt)).toISOString()).toBe("2031-01-14T03:00:00.000Z");
  });
});

describe("a message thread", () => {
  it("refuses an empty message, then sends the text and shows the conversation", async () => {
    const messages: { id: number; authorId: number; authorName: string; body: string; createdAt: string }[] = [];
    const requests = stubFetch((request) => {
      if (request.url === "/api/me") return { status: 401, body: { error: { code: "unauthorized", message: "" } } };
      if (request.method === "POST") {
        const body = (request.body as { body: string }).body;
        messages.push({ id: 1, authorId: 5, authorName: "Nadia", body, createdAt: "2031-01-10T15:00:00.000Z" });
        return { status: 201, body: { messages } };
      }
      return { status: 200, body: { messages } };
    });
    renderWithProviders(
      <MessageThread path="/api/offers/3/messages" label="Messages with Emily" empty="No message yet." />,
    );
    const user = userEvent.setup();
    expect(await screen.findByText("No message yet.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(screen.getByText("Write a message first.")).toBeTruthy();
    expect(requests.filter((request) => request.method === "POST")).toHaveLength(0);
    await user.type(screen.getByLabelText("Your message"), "  See you at nine?  ");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText("See you at nine?")).toBeTruthy();
    expect(requests.find((request) => request.method === "POST")?.body).toEqual({ body: "See you at nine?" });
  });
});
