/**
 * A local's side: the demo newcomer announces a trip to Miami; Emily, a Miami local who follows his blog, sees the
 * arrival with the reasons it concerns her and offers a lunch at a time of Miami, too early for a lunch (11:30); the
 * traveller's agenda leaves it out and offers a lunch-time alternative, which he proposes in one click. Emily sees the
 * proposed time in Miami time on the offer's page, accepts it and writes in the offer's thread; the traveller accepts
 * the lunch at the new time and answers in the thread.
 */
import { expect, test } from "@playwright/test";
import { daysFromNow, expectAccessible, screenshot, signInAsPersona, signOut } from "./helpers";

test("a local sees an arrival with its reasons, offers a lunch, and the traveller accepts it", async ({ page }) => {
  await signInAsPersona(page, "Julien Castaing");
  await page.goto("/trips/new");
  await page.getByLabel("City", { exact: true }).selectOption("miami");
  await page.getByLabel("Arrival", { exact: true }).fill(daysFromNow(20));
  await page.getByLabel("Departure", { exact: true }).fill(daysFromNow(24));
  await page
    .getByLabel("What I am looking for", { exact: true })
    .fill("Meet media founders and creators; find early users for my newsletter");
  await page.getByRole("button", { name: "Announce" }).click();
  await expect(page).toHaveURL(/\/trips\/\d+$/);
  const tripUrl = new URL(page.url()).pathname;
  await signOut(page);

  await signInAsPersona(page, "Emily Thompson");
  const arrival = page.locator(".arrival").filter({ hasText: "Julien Castaing" }).first();
  // The locals are picked in the background: the arrival shows once the alerts are out.
  await expect(async () => {
    await page.reload();
    await expect(arrival).toBeVisible({ timeout: 4_000 });
  }).toPass({ timeout: 60_000 });
  await expect(arrival.getByRole("list", { name: "Why you were picked" })).toContainText(
    "You follow Julien Castaing's work.",
  );
  await screenshot(page, "20-local-arrival-reasons");
  await expectAccessible(page, "local home with an arrival");

  await arrival.getByRole("button", { name: "How can I help?" }).click();
  const form = arrival.getByRole("form", { name: "Offer to help Julien Castaing" });
  await expect(form.getByText(/Times are in Miami time \(America\/New_York\)/)).toBeVisible();
  await form.getByLabel("What do you offer?", { exact: true }).selectOption("lunch");
  await form
    .getByLabel("Message", { exact: true })
    .fill("Lunch at my favourite Cuban place? I read your blog every week.");
  await form.getByLabel("Time 1: date", { exact: true }).fill(daysFromNow(21));
  await form.getByLabel("Time 1: hour", { exact: true }).fill("11:30");
  await form.getByRole("button", { name: "Send my offer" }).click();
  await expect(form.getByText("Name the place.")).toBeVisible();
  await form.getByLabel("Place", { exact: true }).fill("Versailles Restaurant");
  await form.getByLabel("Address", { exact: true }).fill("3555 SW 8th St, Miami");
  await screenshot(page, "21-offer-form");
  await expectAccessible(page, "offer form");
  await form.getByRole("button", { name: "Send my offer" }).click();
  await expect(arrival.getByText("Your offer was sent to Julien Castaing.")).toBeVisible();
  await signOut(page);

  // The traveller's agenda leaves the lunch out (before 12:00) and offers the nearest lunch time that fits instead.
  await signInAsPersona(page, "Julien Castaing");
  const propose = page
    .getByRole("listitem")
    .filter({ hasText: "Emily Thompson" })
    .getByRole("button", { name: /^Propose .* instead$/ });
  await expect(async () => {
    await page.goto(tripUrl);
    await expect(propose).toBeVisible({ timeout: 4_000 });
  }).toPass({ timeout: 60_000 });
  const when = /^Propose (.*) instead$/.exec((await propose.textContent()) ?? "")?.[1] ?? "";
  const proposedHour = /\d{1,2}:\d{2}/.exec(when)?.[0] ?? "";
  expect(proposedHour).not.toBe("");
  await propose.click();
  await expect(page.getByText(`Proposed to Emily Thompson: ${when}.`, { exact: false })).toBeVisible();
  await signOut(page);
  await signInAsPersona(page, "Emily Thompson");

  // The local finds the offer among the offers she made and writes in its thread.
  await page.getByRole("link", { name: "My trips" }).click();
  const made = page.getByRole("region", { name: "Offers I made" });
  await made.getByRole("link", { name: "Lunch" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Lunch offered by Emily Thompson");
  // The local accepts the traveller's proposed time, shown in Miami time: it joins the offer's times.
  const proposed = page.getByRole("region", { name: "Times Julien Castaing proposed (America/New_York)" });
  await expect(proposed).toContainText(when);
  await expectAccessible(page, "offer page with a proposed time and its thread");
  await screenshot(page, "24-offer-proposed-time");
  await proposed.getByRole("button", { name: /^Accept this time/ }).click();
  await expect(page.getByRole("region", { name: "Proposed times (America/New_York)" })).toContainText(when);
  await expect(proposed).toBeHidden();
  // The proposal also wrote to her in the thread (in Julien's language); her acceptance answers it there.
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("Pourrions-nous plutôt nous voir le");
  await page
    .getByLabel("Your message", { exact: true })
    .fill("They have a vegetarian menu too, tell me if you need it.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("vegetarian menu");
  await signOut(page);

  await signInAsPersona(page, "Julien Castaing");
  await page.goto(tripUrl);
  const offer = page.locator(".offers > li").filter({ hasText: "Emily Thompson" }).first();
  await expect(offer).toBeVisible();
  await expect(offer).toContainText("Lunch");
  await expect(offer).toContainText("Versailles Restaurant");
  await offer.getByRole("button", { name: new RegExp(`^Accept .*${proposedHour}`) }).click();
  await expect(offer).toContainText("Accepted");
  await expect(page.locator(".calendar-item").filter({ hasText: "Emily Thompson" })).toContainText(proposedHour);
  await screenshot(page, "22-traveller-accepted-lunch");
  await expectAccessible(page, "trip with an accepted lunch");

  // The traveller reads the local's message in the offer's thread and answers.
  await offer.getByRole("link", { name: "Messages with Emily Thompson" }).click();
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread).toContainText("vegetarian menu");
  await page.getByLabel("Your message", { exact: true }).fill("No need, thank you! See you there.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  // His proposal, her acceptance of it, her note and his answer.
  await expect(thread).toContainText("See you there.");
  await expect(thread.locator("li")).toHaveCount(4);
  await screenshot(page, "23-offer-thread-traveller");
});
