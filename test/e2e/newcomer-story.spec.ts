/**
 * The newcomer's story in English: sign up, confirm the email from the demo inbox, write a profile, announce a trip
 * to Miami for a working week, receive the demo locals' offers and accept some; the week then holds at least eight
 * meetings and two evening events without overlaps, in Miami time, and its .ics parses. The traveller writes in an
 * offer's thread.
 */
import { expect, test } from "@playwright/test";
import {
  acceptSomeOffers,
  daysFromNow,
  expectIcsMatchesWeek,
  expectAccessible,
  expectFullWeek,
  hasRoute,
  screenshot,
  signUpAndVerify,
  uniqueEmail,
  workWeekFromNow,
} from "./helpers";

const miami = "America/New_York";

test("a newcomer signs up, verifies, onboards, announces a trip to Miami and accepts offers", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Givefirst" })).toBeVisible();
  await expect(page.getByText(/Demo mode/)).toBeVisible();
  await screenshot(page, "01-welcome");
  await expectAccessible(page, "welcome");

  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Fill in this field.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await screenshot(page, "02-sign-up-errors");
  await expectAccessible(page, "sign up");

  const email = await signUpAndVerify(page, { name: "Nadia Benali", email: uniqueEmail("nadia"), language: "en" });
  await screenshot(page, "03-verify-email-inbox");
  await expectAccessible(page, "verify email");
  await email.getByRole("link").first().click();

  await expect(page).toHaveURL(/\/onboarding/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("your profile");
  await page.getByLabel("Headline", { exact: true }).fill("Founder of a food-tech start-up, ex-chef");
  await page.getByLabel("Sectors", { exact: true }).fill("food, restaurants");
  await page
    .getByLabel("What I can give", { exact: true })
    .fill("Advice on opening a restaurant, intros to Paris chefs");
  await page.getByLabel("What I seek", { exact: true }).fill("Investors in food tech and a co-founder");
  await page.getByRole("checkbox", { name: "English" }).check();
  await page.getByRole("checkbox", { name: "French" }).check();
  await page.getByLabel("Link 1: title", { exact: true }).fill("Blog");
  await page.getByLabel("Link 1: address", { exact: true }).fill("not a link");
  await page.getByRole("button", { name: "Save my profile" }).click();
  await expect(page.getByText("A link must start with http:// or https://.")).toBeVisible();
  await page.getByLabel("Link 1: address", { exact: true }).fill("https://example.test/blog");
  await screenshot(page, "04-onboarding");
  await expectAccessible(page, "onboarding");
  await page.getByRole("button", { name: "Save my profile" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Nadia Benali");
  await expect(page.getByRole("heading", { name: "Arriving in your city" })).toBeVisible();

  test.skip(!(await hasRoute(page, "POST", "/api/trips")), "The trips API (POST /api/trips) is not served yet");

  await page.getByRole("link", { name: "Announce a trip" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Announce a trip or a move");
  await page.getByRole("button", { name: "Announce", exact: true }).click();
  await expect(page.getByText("Choose a city.")).toBeVisible();
  await expect(page.getByText("Say what you are looking for, so that the right locals are told.")).toBeVisible();
  const week = workWeekFromNow(8);
  await page.getByLabel("City", { exact: true }).selectOption("miami");
  await page.getByLabel("Arrival", { exact: true }).fill(week.monday);
  await page.getByLabel("Departure", { exact: true }).fill(daysFromNow(1));
  await page
    .getByLabel("What I am looking for", { exact: true })
    .fill("Investors in food tech, restaurant founders, a co-founder");
  await page.getByLabel("Looking-for tags", { exact: true }).fill("food, investors, restaurants");
  await page.getByRole("button", { name: "Announce", exact: true }).click();
  await expect(page.getByText("The departure must be on or after the arrival.")).toBeVisible();
  await page.getByLabel("Departure", { exact: true }).fill(week.friday);
  await page.getByRole("radio", { name: /My connections and the locals picked for me/ }).check();
  await screenshot(page, "05-announce-trip");
  await expectAccessible(page, "announce a trip");
  await page.getByRole("button", { name: "Announce", exact: true }).click();

  await expect(page).toHaveURL(/\/trips\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trip to Miami");
  const tripId = Number(new URL(page.url()).pathname.split("/").pop());
  // The demo locals answer after DEMO_REPLY_DELAY_MS: eight timed offers and two invitations to evening events.
  const offers = page.locator(".offers > li");
  await expect(offers).toHaveCount(10, { timeout: 60_000 });
  await screenshot(page, "06-trip-offers");
  await expectAccessible(page, "trip with offers");
  // The page asks for its offers every few seconds: while they are unchanged the browser revalidates its copy (the
  // ETag in If-None-Match) and the server answers 304 Not Modified, without the list; the page reads the copy (which
  // Playwright reports as the 200 it stands for, with no body on the wire).
  const revalidated = await page.waitForResponse(
    async (response) =>
      new URL(response.url()).pathname === `/api/trips/${tripId}/offers` &&
      (await response.request().headerValue("if-none-match")) !== null,
    { timeout: 20_000 },
  );
  const etag = await revalidated.headerValue("etag");
  expect(etag).toMatch(/^W\/"offers-/);
  expect(await revalidated.request().headerValue("if-none-match")).toBe(etag);
  expect((await revalidated.request().sizes()).responseBodySize).toBe(0);
  await expect(offers).toHaveCount(10);

  // Accept both evening events and two meetings, each at a proposed time at least an hour from the others.
  const accepted = await acceptSomeOffers(page, tripId, { want: 4, language: "en" });
  expect(accepted.filter((offer) => offer.kind === "event_invitation")).toHaveLength(2);
  expect(accepted).toHaveLength(4);

  const openOffer = page.locator(".offers > li").filter({ hasText: "Waiting for your answer" }).first();
  await openOffer.getByRole("button", { name: "Star" }).click();
  await expect(page.locator(".offers > li").filter({ hasText: "starred" }).first()).toBeVisible();

  // The week: the accepted items and the planner's choice among the open offers, in Miami time, without overlaps.
  await expect(page.getByText("times in America/New_York")).toBeVisible();
  const entries = await expectFullWeek(page, { locale: "en-US", week, timeZone: miami });
  await screenshot(page, "07-trip-week");
  await expectAccessible(page, "trip week");

  // The .ics downloads and parses: the accepted items at their times, and a full week without overlaps.
  await expectIcsMatchesWeek(page, "Download the agenda (.ics)", { entries, week, timeZone: miami });

  // Ask a local for another time, with a word: it lands in the offer's thread, where the traveller writes more.
  const otherId = await page
    .locator(".offers > li")
    .filter({ hasText: "Waiting for your answer" })
    .first()
    .getAttribute("data-offer-id");
  const other = page.locator(`[data-offer-id="${otherId}"]`);
  await other.getByRole("button", { name: "Ask for another time" }).click();
  const ask = other.getByRole("form", { name: /^Ask .* for another time$/ });
  await ask.getByLabel("Which times would suit you? (optional)").fill("Could we do Thursday morning instead?");
  await ask.getByRole("button", { name: "Send the request" }).click();
  await expect(other).toContainText("another time asked");
  await other.getByRole("link", { name: /^Messages with/ }).click();
  await expect(page).toHaveURL(new RegExp(`/offers/${otherId}$`));
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread).toContainText("Could we do Thursday morning instead?");
  await page.getByLabel("Your message", { exact: true }).fill("Or Friday at lunch, if that suits you better.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(thread.locator("li")).toHaveCount(2);
  await expect(thread).toContainText("Or Friday at lunch");
  await screenshot(page, "08-offer-thread");
  await expectAccessible(page, "offer thread");
});
