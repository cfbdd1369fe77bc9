/**
 * The openness dashboard of Toulouse: the report may first answer 202 "computing" and the page polls until it is
 * ready; the network is drawn with sigma.js on WebGL (SwiftShader, headless) and the canvas is not blank; an
 * organiser of the city sees the gatekeepers by name, a member who is not one does not.
 */
import { expect, test } from "@playwright/test";
import { demoPersona, expectAccessible, paintedPixels, screenshot, signInAsPersona, signOut } from "./helpers";

test("the Toulouse dashboard draws the network and names a gatekeeper to an organiser", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/");
  const organiser = await demoPersona(page, "organiser", "toulouse");

  // Signed out: the report (or "being computed", polled until ready), no individual named.
  await page.goto("/cities/toulouse/report");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Toulouse");
  await expect(page.locator(".big-number").first()).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText("Names of gatekeepers are shown to the city's organisers only.")).toBeVisible();

  await signInAsPersona(page, organiser.name);
  await page.goto("/cities/toulouse/report");
  await expect(page.locator(".big-number").first()).toBeVisible({ timeout: 120_000 });
  const gatekeepers = page.getByRole("table", { name: "Members through whom most paths between communities go" });
  await expect(gatekeepers.locator("tbody tr").first()).toBeVisible();
  const firstName = (await gatekeepers.locator("tbody tr").first().locator("td").first().textContent()) ?? "";
  expect(firstName.trim().length).toBeGreaterThan(2);

  const canvas = page.locator("[data-testid=network-canvas] canvas").first();
  await expect(canvas).toBeAttached({ timeout: 60_000 });
  await expect(page.getByText(/cannot draw the network/)).toHaveCount(0);
  // Sigma draws on the next frames: wait until the nodes and edges are painted.
  await expect(async () => {
    const { painted, total } = await paintedPixels(page, "[data-testid=network-canvas]");
    expect(painted, `painted pixels of ${total}`).toBeGreaterThan(total * 0.01);
  }).toPass({ timeout: 60_000 });
  await screenshot(page, "50-toulouse-dashboard-organiser");
  await expectAccessible(page, "Toulouse dashboard (organiser)");
  await signOut(page);
});
