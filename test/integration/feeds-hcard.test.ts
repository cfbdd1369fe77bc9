/**
 * Open formats out (#9.3): the profile page, rendered by React on the server from the real API's answers, carries an
 * h-card (name, job title, note, locality, URLs) with the latest posts as h-entry items; the JSON representation is
 * GET /api/members/{id}.
 */
import { dehydrate, hydrate, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Window } from "happy-dom";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { MemoryRouter, Route, Routes } from "react-router";
import { beforeEach, expect, it } from "vitest";
import { feedPosts, memberFeeds } from "../../src/db/schema/people";
import "../../src/web/i18n";
import { MemberPage } from "../../src/web/pages/member-page";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember } from "../support/factories";
import { Client, createTestApp } from "../support/test-app";

describeOnDatabases("profiles as h-card and JSON", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
  });

  it("renders the public profile as an h-card with its posts as h-entries, from the API's JSON", async () => {
    const city = await createCity(harness.context);
    const { member } = await createMember(harness, {
      name: "Ana <Lopez>",
      headline: "Food founder",
      bio: "I open restaurants.",
      homeCityId: city.id,
      links: [{ label: "Blog", url: "https://ana.example/blog" }],
    });
    const [feed] = await harness.context.db
      .insert(memberFeeds)
      .values({ memberId: member.id, url: "https://ana.example/feed.xml", title: "Ana's kitchen" })
      .returning();
    await harness.context.db.insert(feedPosts).values({
      feedId: feed!.id,
      guid: "p1",
      title: "Opening in Miami",
      url: "https://ana.example/blog/opening",
      summary: "Permits & leases.",
      publishedAt: new Date("2026-11-10T09:00:00Z"),
    });

    // The JSON representation, and what the page's queries receive, straight from the real API as an anonymous visitor.
    const visitor = new Client(harness.app);
    const json = async (path: string) => {
      const response = await visitor.get(path);
      expect(response.status, path).toBe(200);
      return response.json();
    };
    const profile = await json(`/api/members/${member.id}`);
    expect(profile).toMatchObject({ id: member.id, name: "Ana <Lopez>", headline: "Food founder" });
    const client = new QueryClient();
    client.setQueryData(["member", String(member.id)], profile);
    client.setQueryData(["member-posts", member.id], await json(`/api/members/${member.id}/posts`));
    client.setQueryData(["member-follow", member.id], await json(`/api/members/${member.id}/follow`));
    client.setQueryData(["me"], null);
    const server = new QueryClient();
    hydrate(server, dehydrate(client));

    // test/**/*.test.ts holds no JSX: the tree is written with createElement.
    const html = renderToString(
      createElement(
        QueryClientProvider,
        { client: server },
        createElement(
          MemoryRouter,
          { initialEntries: [`/members/${member.id}`] },
          createElement(
            Routes,
            null,
            createElement(Route, { path: "/members/:id", element: createElement(MemberPage) }),
          ),
        ),
      ),
    );
    const window = new Window();
    window.document.body.innerHTML = html;
    const document = window.document;
    const cards = document.querySelectorAll(".h-card");
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    const text = (selector: string) => card.querySelector(selector)?.textContent?.trim();
    expect(text(".p-name")).toBe("Ana <Lopez>");
    expect(html).not.toContain("<Lopez>");
    expect(text(".p-job-title")).toBe("Food founder");
    expect(text(".p-note")).toBe("I open restaurants.");
    expect(text(".p-locality")).toBe("Miami");
    const urls = [...card.querySelectorAll("a.u-url")].map((link) => link.getAttribute("href"));
    expect(urls).toContain(`/members/${member.id}`);
    expect(urls).toContain("https://ana.example/blog");

    const entries = card.querySelectorAll(".h-entry");
    expect(entries).toHaveLength(1);
    expect(entries[0]!.querySelector(".p-name")?.textContent).toBe("Opening in Miami");
    expect(entries[0]!.querySelector(".u-url")?.getAttribute("href")).toBe("https://ana.example/blog/opening");
    expect(entries[0]!.querySelector(".p-summary")?.textContent).toBe("Permits & leases.");
    expect(entries[0]!.querySelector(".dt-published")?.getAttribute("datetime")).toBe("2026-11-10T09:00:00.000Z");
    await window.happyDOM.close();
  });
});
