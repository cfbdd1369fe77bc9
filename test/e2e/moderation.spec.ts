/**
 * Reports and moderation in the browser: a local reports a member from their profile; the moderator warns them from
 * the queue (the member sees the notification and its badge); a second report leads to a suspension, which signs the
 * member out and refuses their sign-in; the moderator lifts it. Non-moderators find no queue and no admin page.
 */
import { expect, test, type Page } from "@playwright/test";
import {
  demoPersona,
  expectAccessible,
  screenshot,
  signInAsPersona,
  signOut,
  signUpAndVerify,
  uniqueEmail,
} from "./helpers";

const password = "a long enough password";

async function reportMember(page: Page, memberId: number, name: string, reason: string, details: string) {
  await page.goto(`/members/${memberId}`);
  await page.getByRole("button", { name: `Report ${name}` }).click();
  await page.getByLabel("Reason").selectOption({ label: reason });
  await page.getByLabel("What happened").fill(details);
  await page.getByRole("button", { name: "Send the report" }).click();
  await expect(page.getByText("Thank you: the moderators will look at it.")).toBeVisible();
}

test("a member is reported, warned, reported again, suspended and reinstated", async ({ page, context }) => {
  test.setTimeout(180_000);
  const name = "Otto Offender";
  const email = uniqueEmail("otto");
  const inbox = await signUpAndVerify(page, { name, email, language: "en" });
  await inbox.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/onboarding/);
  const otto = (await (await page.request.get("/api/me")).json()) as { memberId: number };
  await signOut(page);

  const local = await demoPersona(page, "local_who_knows_your_work");
  const moderator = await demoPersona(page, "moderator");
  await signInAsPersona(page, local.name);
  await reportMember(page, otto.memberId, name, "Harassment", "Sent me the same pitch five times");
  await screenshot(page, "30-report-member");
  await expectAccessible(page, "report a member");
  // No queue for a plain member, and no admin page.
  await expect(page.getByRole("navigation").getByRole("link", { name: "Moderation" })).toHaveCount(0);
  await page.goto("/moderation");
  await expect(page.getByText("This page does not exist or is not visible to you.").first()).toBeVisible();
  await page.goto("/admin");
  await expect(page.getByText("This page does not exist or is not visible to you.").first()).toBeVisible();
  await signOut(page);

  await signInAsPersona(page, moderator.name);
  await page.getByRole("navigation").getByRole("link", { name: "Moderation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  const openReports = page.getByRole("list", { name: "Open reports" });
  const report = openReports.locator("li").filter({ hasText: `${local.name} reports ${name}: Harassment` });
  await expect(report).toBeVisible();
  await expect(report).toContainText("Sent me the same pitch five times");
  await screenshot(page, "31-moderation-queue");
  await expectAccessible(page, "moderation queue");
  await report.getByLabel("Note to the member").fill("Please stop repeating the same pitch.");
  await report.getByRole("button", { name: "Warn" }).click();
  await expect(report).toHaveCount(0);
  await expect(page.getByRole("list", { name: "What the moderators did" })).toContainText(`warn ${name}`, {
    ignoreCase: true,
  });
  await signOut(page);

  // The warned member sees the warning, with the unread badge in the header, and reads it.
  await page.goto("/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("unread-badge")).toHaveText(/^1/);
  await page.getByRole("navigation").getByRole("link", { name: "Notifications" }).click();
  const warning = page.locator(".cards li").filter({ hasText: "A warning from the moderators" });
  await expect(warning).toBeVisible();
  await screenshot(page, "32-notifications");
  await expectAccessible(page, "notifications");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);
  await signOut(page);

  await signInAsPersona(page, local.name);
  await reportMember(page, otto.memberId, name, "A threat to someone's safety", "Threatening messages now");
  await signOut(page);

  // A second browser holds Otto's session while the moderator suspends him.
  const ottoPage = await context.browser()!.newPage();
  await ottoPage.goto(page.url().replace(/\/[^/]*$/, "/sign-in"));
  await ottoPage.getByLabel("Email address", { exact: true }).fill(email);
  await ottoPage.getByLabel("Password", { exact: true }).fill(password);
  await ottoPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(ottoPage.getByRole("button", { name: "Sign out" })).toBeVisible();

  await signInAsPersona(page, moderator.name);
  await page.goto("/moderation");
  const second = page.getByRole("list", { name: "Open reports" }).locator("li").filter({ hasText: name });
  await second.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByRole("list", { name: "Suspended members" })).toContainText(name);

  // Otto's session is over, and signing in again is refused.
  expect((await ottoPage.request.get("/api/me")).status()).toBe(401);
  await ottoPage.goto("/sign-in");
  await ottoPage.getByLabel("Email address", { exact: true }).fill(email);
  await ottoPage.getByLabel("Password", { exact: true }).fill(password);
  await ottoPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(ottoPage.getByRole("alert").first()).toBeVisible();
  expect((await ottoPage.request.get("/api/me")).status()).toBe(401);

  await page.getByRole("button", { name: `Lift the suspension of ${name}` }).click();
  await expect(page.getByText("Nobody is suspended.")).toBeVisible();
  await ottoPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(ottoPage.getByRole("button", { name: "Sign out" })).toBeVisible();
  await ottoPage.close();
});
