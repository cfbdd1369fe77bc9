// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ImportMatches } from "../../api/imports";
import { renderWithProviders, stubFetch } from "../test-support";
import { ImportPage } from "./import-page";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const viewer = {
  memberId: 1,
  name: "Importer",
  email: "importer@example.test",
  emailVerified: true,
  locale: "en",
  roles: [],
  isDemo: false,
};

/** An XMLHttpRequest that reports upload progress in two steps, then answers `respond(body)`. */
function stubUpload(respond: (body: unknown) => { status: number; body: unknown }) {
  const sent: unknown[] = [];
  class FakeRequest {
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = 0;
    statusText = "";
    responseText = "";
    withCredentials = false;
    open() {}
    setRequestHeader() {}
    send(text: string) {
      const body = JSON.parse(text) as unknown;
      sent.push(body);
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        setTimeout(() => {
          this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
          const answer = respond(body);
          this.status = answer.status;
          this.responseText = JSON.stringify(answer.body);
          this.onload?.();
        }, 20);
      }, 20);
    }
  }
  vi.stubGlobal("XMLHttpRequest", FakeRequest);
  return sent;
}

describe("bringing your network from the web", () => {
  it("sends the file, shows the members found for review, and follows only those left ticked", async () => {
    const requests = stubFetch((request) =>
      request.url === "/api/me" ? { status: 200, body: viewer } : { status: 200, body: { followed: 1, skipped: 0 } },
    );
    const matches: ImportMatches = {
      format: "linkedin",
      entries: 5,
      matches: [
        {
          memberId: 7,
          name: "Ana Lopez",
          headline: "Food founder",
          entryName: "Ana Lopez",
          matchedBy: ["link"],
          alreadyFollowing: false,
        },
        {
          memberId: 8,
          name: "Bruno Martin",
          headline: "",
          entryName: "Bruno M.",
          matchedBy: ["email"],
          alreadyFollowing: false,
        },
        { memberId: 9, name: "Chloé", headline: "", entryName: "Chloé", matchedBy: ["link"], alreadyFollowing: true },
      ],
    };
    const sent = stubUpload(() => ({ status: 200, body: matches }));
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    const file = new File(["First Name,Last Name,URL\nAna,Lopez,https://linkedin.com/in/ana\n"], "Connections.csv", {
      type: "text/csv",
    });
    await user.upload(await screen.findByLabelText("Your file"), file);
    await user.click(screen.getByRole("button", { name: "Find members" }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(await screen.findByText("3 members found among 5 entries")).toBeTruthy();
    expect(sent).toEqual([
      { content: "First Name,Last Name,URL\nAna,Lopez,https://linkedin.com/in/ana\n", fileName: "Connections.csv" },
    ]);

    // Those not yet followed start ticked; the reviewer unticks Bruno.
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((box) => [box.checked, box.disabled])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
    await user.click(boxes[1]!);
    await user.click(screen.getByRole("button", { name: "Follow 1 member" }));
    await waitFor(() => expect(screen.getByText("You now follow 1 more member.")).toBeTruthy());
    expect(requests.filter((request) => request.url === "/api/me/follows")).toEqual([
      { url: "/api/me/follows", method: "POST", body: { memberIds: [7] } },
    ]);
  });

  it("shows the server's reason for a file it cannot read, and follows nobody", async () => {
    const requests = stubFetch(() => ({ status: 200, body: viewer }));
    stubUpload(() => ({
      status: 400,
      body: { error: { code: "validation_failed", message: "the vCard file ends inside a card", field: "content" } },
    }));
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText("Your file"), new File(["BEGIN:VCARD\n"], "broken.vcf"));
    await user.click(screen.getByRole("button", { name: "Find members" }));
    expect(await screen.findByText("the vCard file ends inside a card")).toBeTruthy();
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
    expect(requests.every((request) => request.url === "/api/me")).toBe(true);
  });
});
