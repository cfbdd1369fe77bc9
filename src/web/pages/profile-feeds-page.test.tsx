// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders, stubFetch } from "../test-support";
import { ProfileFeedsPage } from "./profile-feeds-page";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const viewer = {
  memberId: 1,
  name: "Ana",
  email: "ana@example.test",
  emailVerified: true,
  locale: "en",
  roles: [],
  isDemo: false,
};

describe("managing one's feeds", () => {
  it("lists the feeds with their last reading, says why a URL is refused next to the field, and adds a feed", async () => {
    const feeds = [
      {
        id: 3,
        url: "https://ana.example/feed.xml",
        title: "Ana's kitchen",
        fetchedAt: "2026-11-20T12:00:00.000Z",
        lastError: null,
      },
      { id: 4, url: "https://old.example/rss", title: null, fetchedAt: null, lastError: "the server answered 404" },
    ];
    const requests = stubFetch((request) => {
      if (request.url === "/api/me") return { status: 200, body: viewer };
      if (request.url === "/api/me/feeds" && request.method === "GET") return { status: 200, body: { feeds } };
      const url = (request.body as { url: string }).url;
      if (url.includes("user:pw@")) {
        return {
          status: 400,
          body: {
            error: {
              code: "validation_failed",
              message: "a URL with a user name or password is not allowed",
              field: "url",
            },
          },
        };
      }
      return { status: 201, body: { id: 5, url, title: null, fetchedAt: null, lastError: null } };
    });
    renderWithProviders(<ProfileFeedsPage />);
    expect(await screen.findByText("Ana's kitchen")).toBeTruthy();
    expect(screen.getByText("The last reading failed: the server answered 404")).toBeTruthy();
    expect(screen.getByText("Not read yet: it will be in a moment.")).toBeTruthy();

    const user = userEvent.setup();
    const field = screen.getByLabelText("Feed address");
    await user.type(field, "https://user:pw@blog.example/feed");
    await user.click(screen.getByRole("button", { name: "Add the feed" }));
    expect(await screen.findByText("a URL with a user name or password is not allowed")).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");

    await user.clear(field);
    await user.type(field, "https://blog.example/feed.xml");
    await user.click(screen.getByRole("button", { name: "Add the feed" }));
    await waitFor(() => expect((field as HTMLInputElement).value).toBe(""));
    expect(requests.filter((request) => request.method === "POST").map((request) => request.body)).toEqual([
      { url: "https://user:pw@blog.example/feed" },
      { url: "https://blog.example/feed.xml" },
    ]);
  });
});
