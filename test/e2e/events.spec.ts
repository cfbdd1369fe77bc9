/**
 * Events: a Miami organiser creates an evening event (the form checks its fields first), edits it as its host, and
 * sees the newcomers in town to invite; a local answers the invitation page with an RSVP; only the host can edit.
 */
import { expect, test } from "@playwright/test";
import { demoPersona, expectAccessible, screenshot, signInAsPersona, signOut, workWeekFromNow } from "./helpers";

test("an organiser creates and edits an event, and a member answers it", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  const organiser = await demoPersona(page, "organiser", "miami");
  const { monday } = workWeekFromNow(3);

  await signInAsPersona(page, organiser.name);
  await page.getByRole("link", { name: "Events", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await page.getByRole("link", { name: "Create an event" }).click();
  await page.getByRole("button", { name: "Create the event" }).click();
  await expect(page.getByText("Fill in this field.").first()).toBeVisible();
  await page.getByLabel("City", { exact: true }).selectOption("miami");
  await page.getByLabel("Title", { exact: true }).fill("Founders' rooftop evening");
  await page.getByLabel("Description", { exact: true }).fill("Drinks and short demos with newcomers in town.");
  await page.getByLabel("Themes", { exact: true }).fill("founders, newcomers");
  await page.getByLabel("Date", { exact: true }).fill(monday);
  await page.getByLabel("Starts at", { exact: true }).fill("19:00");
  await page.getByLabel("Ends at", { exact: true }).fill("18:00");
  await page.getByRole("button", { name: "Create the event" }).click();
  await expect(page.getByText("The end must come after the start.")).toBeVisible();
  await page.getByLabel("Ends at", { exact: true }).fill("21:00");
  await page.getByRole("button", { name: "Create the event" }).click();

  await expect(page).toHaveURL(/\/events\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Founders' rooftop evening");
  await expect(page.locator(".lead")).toContainText("7:00");
  await expect(page.locator(".lead")).toContainText("America/New_York");
  const eventUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "Newcomers in town to invite" })).toBeVisible();
  await expect(page.locator("section[aria-labelledby=newcomers-title]").locator(".cards, .empty")).toBeVisible();
  const invite = page.getByRole("button", { name: /^Invite / }).first();
  if (await invite.count()) {
    await invite.click();
    await expect(page.getByText("Invited").first()).toBeVisible();
  }

  await page.getByRole("link", { name: "Edit this event" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit the event");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Founders' rooftop evening");
  await expect(page.getByLabel("Starts at", { exact: true })).toHaveValue("19:00");
  await expect(page.getByLabel("City", { exact: true })).toBeDisabled();
  await page.getByLabel("Title", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByText("Fill in this field.")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("Founders' rooftop evening (moved)");
  await page.getByLabel("Starts at", { exact: true }).fill("19:30");
  await screenshot(page, "60-event-edit");
  await expectAccessible(page, "event edit");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${eventUrl}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Founders' rooftop evening (moved)");
  await expect(page.locator(".lead")).toContainText("7:30");
  await screenshot(page, "61-event-host");
  await expectAccessible(page, "event (host)");
  await signOut(page);

  await signInAsPersona(page, "Emily Thompson");
  await page.goto(eventUrl);
  await expect(page.getByRole("link", { name: "Edit this event" })).toHaveCount(0);
  await page.getByRole("button", { name: "Going", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are going" })).toBeVisible();
  await page.goto(`${eventUrl}/edit`);
  await expect(page.getByText("Only the event's host can edit it.")).toBeVisible();
});
