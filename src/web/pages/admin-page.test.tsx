// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders, stubFetch, type RecordedRequest } from "../test-support";
import { AdminPage } from "./admin-page";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const viewer = {
  memberId: 1,
  name: "Ada",
  email: "ada@example.test",
  emailVerified: true,
  locale: "en",
  roles: [{ role: "admin", citySlug: null }],
  isDemo: false,
};
const miami = {
  id: 1,
  slug: "miami",
  name: "Miami",
  nameFr: null,
  country: "US",
  timeZone: "America/New_York",
  locale: "en",
};

/** An admin's server: the viewer, the cities, the roles; `write` answers the writes. */
function adminServer(write: (request: RecordedRequest) => { status: number; body: unknown }) {
  return stubFetch((request) => {
    if (request.url === "/api/me") return { status: 200, body: viewer };
    if (request.url === "/api/cities") return { status: 200, body: { cities: [miami] } };
    if (request.url === "/api/admin/roles" && request.method === "GET")
      return {
        status: 200,
        body: {
          grants: [
            {
              memberId: 1,
              name: "Ada",
              email: "ada@example.test",
              role: "admin",
              citySlug: null,
              grantedAt: "2026-11-01T00:00:00Z",
            },
          ],
        },
      };
    return write(request);
  });
}

const writes = (requests: RecordedRequest[]) => requests.filter((request) => request.method !== "GET");

describe("the admin page", () => {
  it("tells a member who is not an admin that the page does not exist", async () => {
    stubFetch((request) =>
      request.url === "/api/me"
        ? { status: 200, body: { ...viewer, roles: [] } }
        : { status: 404, body: { error: { code: "not_found", message: "Page not found" } } },
    );
    renderWithProviders(<AdminPage />);
    expect(await screen.findByText("This page does not exist or is not visible to you.")).toBeTruthy();
  });

  it("checks a new city's fields before sending, and shows the server's answer next to the field", async () => {
    const requests = adminServer(() => ({
      status: 400,
      body: {
        error: {
          code: "validation_failed",
          message: 'timeZone: unknown IANA time zone "Europe/Lyon"',
          field: "timeZone",
        },
      },
    }));
    renderWithProviders(<AdminPage />);
    const user = userEvent.setup();
    expect((await screen.findByRole("list", { name: "Cities" })).textContent).toContain("Miami");
    await user.type(screen.getByLabelText("Short name in addresses"), "Lyon City");
    await user.click(screen.getByRole("button", { name: "Add the city" }));
    expect(screen.getByLabelText("Short name in addresses").getAttribute("aria-invalid")).toBe("true");
    expect(writes(requests)).toHaveLength(0);

    await user.clear(screen.getByLabelText("Short name in addresses"));
    await user.type(screen.getByLabelText("Short name in addresses"), "lyon");
    await user.type(screen.getByLabelText("Name"), "Lyon");
    await user.type(screen.getByLabelText("Country code"), "FR");
    await user.type(screen.getByLabelText("Time zone"), "Europe/Lyon");
    await user.click(screen.getByRole("button", { name: "Add the city" }));
    await waitFor(() => expect(writes(requests)).toHaveLength(1));
    expect(writes(requests)[0]).toMatchObject({
      url: "/api/admin/cities",
      body: { slug: "lyon", name: "Lyon", country: "FR", timeZone: "Europe/Lyon", locale: "en" },
    });
    expect(await screen.findByText('timeZone: unknown IANA time zone "Europe/Lyon"')).toBeTruthy();
    expect(screen.getByLabelText("Time zone").getAttribute("aria-invalid")).toBe("true");
  });

  it("asks for a city before granting an organiser's role, then grants it", async () => {
    const requests = adminServer(() => ({ status: 201, body: { memberName: "Mo" } }));
    renderWithProviders(<AdminPage />);
    const user = userEvent.setup();
    await screen.findByRole("list", { name: "Cities" });
    await user.click(screen.getByRole("button", { name: "Grant the role" }));
    expect(
      screen.getByText("Their member number or their account's email address.", { selector: ".field-error" }),
    ).toBeTruthy();
    await user.type(screen.getByLabelText("Member"), "mo@example.test");
    await user.selectOptions(screen.getByLabelText("Role"), "organiser");
    await user.click(screen.getByRole("button", { name: "Grant the role" }));
    expect(screen.getByText("An organiser is the organiser of a city: choose one.")).toBeTruthy();
    expect(writes(requests)).toHaveLength(0);
    await user.selectOptions(screen.getByLabelText("City"), "miami");
    await user.click(screen.getByRole("button", { name: "Grant the role" }));
    await waitFor(() => expect(writes(requests)).toHaveLength(1));
    expect(writes(requests)[0]).toMatchObject({
      url: "/api/admin/roles",
      body: { member: "mo@example.test", role: "organiser", citySlug: "miami" },
    });
  });
});
