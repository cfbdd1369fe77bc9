/** The main pages open without a blank state, pass axe-core (no serious or critical violation) and are captured. */
import { expect, test } from "@playwright/test";
import { expectAccessible, screenshot, signInAsPersona } from "./helpers";

test("a signed-out visitor sees sign-in, password reset and the openness page", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Try it as one of the demo members" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter an email address such as name@example.com.")).toBeVisible();
  await screenshot(page, "10-sign-in");
  await expectAccessible(page, "sign in");

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email address", { exact: true }).fill("nobody@example.test");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText(/If an account uses this address/)).toBeVisible();
  await expectAccessible(page, "forgot password");

  await page.goto("/reset-password");
  await expect(page.getByText("This reset link is not valid any more.")).toBeVisible();

  await page.goto("/cities/miami/report");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Miami");
  // The report is either ready (the index, or why it is missing) or being computed: never a blank page.
  await expect(page.locator(".big-number, main .empty, main .loading").first()).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  await screenshot(page, "11-city-report");
  await expectAccessible(page, "city report");

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a demo local browses the directory, a member's profile, events and settings", async ({ page }) => {
  await signInAsPersona(page, "Emily Thompson");
  await screenshot(page, "12-local-home");
  await expectAccessible(page, "local home");

  await page.getByRole("link", { name: "Directory" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Directory" })).toBeVisible();
  const results = page.getByRole("list", { name: "Members" });
  await expect(results.locator("li").first()).toBeVisible();
  await page.getByLabel("Name or words", { exact: true }).fill("food");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=food/);
  await expect(results.locator("li").first()).toBeVisible();
  await screenshot(page, "13-directory");
  await expectAccessible(page, "directory");

  await results.locator("li a").first().click();
  await expect(page.getByRole("heading", { name: "Giving record" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Thanks received" })).toBeVisible();
  await screenshot(page, "14-member-profile");
  await expectAccessible(page, "member profile");

  await page.getByRole("link", { name: "Events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(page.locator(".cards > li, .empty").first()).toBeVisible();
  await screenshot(page, "15-events");
  await expectAccessible(page, "events");

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.locator("form, [role=alert]").first()).toBeVisible();
  await screenshot(page, "16-settings");
  await expectAccessible(page, "settings");

  await page.getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.locator(".cards, .empty, [role=alert]").first()).toBeVisible();
  await expectAccessible(page, "notifications");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { name: "Arriving in your city" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await screenshot(page, "17-phone-home");
});
