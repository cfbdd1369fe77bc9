/**
 * The newcomer's story in English: sign up, confirm the email from the demo inbox, write a profile, announce a trip
 * to Miami, receive the demo locals' offers and accept some.
 */
import { expect, test } from "@playwright/test";
import { daysFromNow, expectAccessible, hasRoute, screenshot, signUpAndVerify, uniqueEmail } from "./helpers";

test("a newcomer signs up, verifies, onboards, announces a trip to Miami and accepts offers", async ({ page }) => {
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
  await page.getByLabel("City", { exact: true }).selectOption("miami");
  await page.getByLabel("Arrival", { exact: true }).fill(daysFromNow(10));
  await page.getByLabel("Departure", { exact: true }).fill(daysFromNow(8));
  await page
    .getByLabel("What I am looking for", { exact: true })
    .fill("Investors in food tech, restaurant founders, a co-founder");
  await page.getByLabel("Looking-for tags", { exact: true }).fill("food, investors, restaurants");
  await page.getByRole("button", { name: "Announce", exact: true }).click();
  await expect(page.getByText("The departure must be on or after the arrival.")).toBeVisible();
  await page.getByLabel("Departure", { exact: true }).fill(daysFromNow(14));
  await page.getByRole("radio", { name: /My connections and the locals picked for me/ }).check();
  await screenshot(page, "05-announce-trip");
  await expectAccessible(page, "announce a trip");
  await page.getByRole("button", { name: "Announce", exact: true }).click();

  await expect(page).toHaveURL(/\/trips\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trip to Miami");
  const offers = page.locator(".offers > li");
  await expect(offers.first()).toBeVisible({ timeout: 45_000 });
  await screenshot(page, "06-trip-offers");
  await expectAccessible(page, "trip with offers");

  const first = offers.first();
  await first
    .getByRole("button", { name: /^Accept/ })
    .first()
    .click();
  await expect(page.locator(".offers > li").filter({ hasText: "Accepted" }).first()).toBeVisible();
  const openOffer = page.locator(".offers > li").filter({ hasText: "Waiting for your answer" }).first();
  if (await openOffer.count()) {
    await openOffer.getByRole("button", { name: "Star" }).click();
    await expect(page.locator(".offers > li").filter({ hasText: "starred" }).first()).toBeVisible();
  }
  // The week shown is the one of the first accepted meeting.
  await expect(page.locator(".calendar-item").first()).toBeVisible();
  await page.getByRole("button", { name: "Next week" }).click();
  await page.getByRole("button", { name: "Previous week" }).click();
  await screenshot(page, "07-trip-week");
});
