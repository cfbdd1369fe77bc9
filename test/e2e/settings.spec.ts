/**
 * Settings in the browser: the analytics opt-out, blocking a member from their profile and unblocking them from the
 * settings, downloading my data, and deleting my account (password asked; signing in afterwards fails).
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { demoPersona, expectAccessible, screenshot, signUpAndVerify, uniqueEmail } from "./helpers";

const password = "a long enough password";

test("a member changes privacy settings, blocks and unblocks, downloads their data and deletes the account", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("sofia");
  const inbox = await signUpAndVerify(page, { name: "Sofia Settings", email, language: "en" });
  await inbox.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/onboarding/);

  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const optOut = page.getByLabel("Never name me in the city's openness analytics");
  await expect(optOut).not.toBeChecked();
  await optOut.check();
  await expect(optOut).toBeChecked();
  await page.reload();
  await expect(page.getByLabel("Never name me in the city's openness analytics")).toBeChecked();
  await expect(page.getByText("You have blocked nobody.")).toBeVisible();

  const local = await demoPersona(page, "local_who_knows_your_work");
  await page.goto(`/members/${local.memberId}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Block ${local.name}` }).click();
  await expect(page).toHaveURL(/\/settings/);
  const blocked = page.getByRole("list", { name: "Blocked members" });
  await expect(blocked).toContainText(local.name);
  await screenshot(page, "33-settings-blocked");
  await expectAccessible(page, "settings with a block");
  // Blocked both ways: the profile is gone for me.
  expect((await page.request.get(`/api/members/${local.memberId}`)).status()).toBe(404);
  await page.getByRole("button", { name: `Unblock ${local.name}` }).click();
  await expect(page.getByText("You have blocked nobody.")).toBeVisible();
  expect((await page.request.get(`/api/members/${local.memberId}`)).status()).toBe(200);

  await page.getByRole("link", { name: "Download my data, or delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My data" })).toBeVisible();
  await expectAccessible(page, "my data");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data (JSON)" }).click(),
  ]);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
    account: { email: string };
    profile: { name: string; analyticsOptOut: boolean };
  };
  expect(exported.account.email).toBe(email);
  expect(exported.profile).toMatchObject({ name: "Sofia Settings", analyticsOptOut: true });

  const erase = page.getByRole("button", { name: "Delete my account for good" });
  await erase.click();
  await expect(page.getByText("Tick the box to confirm first.")).toBeVisible();
  await page.getByLabel("I understand that my account and my data will be erased").check();
  await page.getByLabel("Your password").fill("not the right password");
  await erase.click();
  await expect(page.getByText("This is not your password.")).toBeVisible();
  await screenshot(page, "34-delete-account");
  await page.getByLabel("Your password").fill(password);
  await erase.click();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  expect((await page.request.get("/api/me")).status()).toBe(401);
  const signIn = await page.request.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(signIn.status()).toBe(401);
});
