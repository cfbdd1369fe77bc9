/**
 * The openness dashboard of Toulouse: the report may first answer 202 "computing" and the page polls until it is
 * ready; the network is drawn with sigma.js on WebGL (SwiftShader, headless) and the canvas is not blank; an
 * organiser of the city sees the gatekeepers by name, in the table and highlighted on the graph, which responds to
 * zoom and pan; a visitor sees no name.
 */
import { expect, test, type Page } from "@playwright/test";
import { demoPersona, expectAccessible, paintedPixels, screenshot, signInAsPersona, signOut } from "./helpers";

const gatekeeperTable = (page: Page) =>
  page.getByRole("table", { name: "Members through whom most paths between communities go" });

test("the Toulouse dashboard draws the network and names a gatekeeper to an organiser", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/");
  const organiser = await demoPersona(page, "organiser", "toulouse");

  // Signed out: the report (or "being computed", polled until ready), no individual named.
  await page.goto("/cities/toulouse/report");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Toulouse");
  await expect(page.locator(".big-number").first()).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText("Names of gatekeepers are shown to the city's organisers only.")).toBeVisible();
  await expect(page.getByText(/^The city's network, coloured by community — 2000 members/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/^Highlighted and named:/)).toHaveCount(0);
  await expect(gatekeeperTable(page)).toHaveCount(0);

  await signInAsPersona(page, organiser.name);
  await page.goto("/cities/toulouse/report");
  await expect(page.locator(".big-number").first()).toBeVisible({ timeout: 120_000 });
  const gatekeepers = gatekeeperTable(page);
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
  // For the organiser the gatekeepers are highlighted and named on the graph.
  await expect(page.getByText(/^Highlighted and named: [1-9]\d* gatekeepers/)).toBeVisible();

  // The graph responds to zoom and pan: the drawing changes under the wheel and a drag.
  const box = await page.locator("[data-testid=network-canvas]").boundingBox();
  if (!box) throw new Error("the network has no box");
  const before = await page.locator("[data-testid=network-canvas]").screenshot();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -600);
  await expect(async () => {
    const zoomed = await page.locator("[data-testid=network-canvas]").screenshot();
    expect(zoomed.equals(before), "the drawing changed after zooming").toBe(false);
  }).toPass({ timeout: 15_000 });
  const zoomed = await page.locator("[data-testid=network-canvas]").screenshot();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 8 });
  await page.mouse.up();
  await expect(async () => {
    const panned = await page.locator("[data-testid=network-canvas]").screenshot();
    expect(panned.equals(zoomed), "the drawing changed after panning").toBe(false);
  }).toPass({ timeout: 15_000 });
  await screenshot(page, "50-toulouse-dashboard-organiser");
  await expectAccessible(page, "Toulouse dashboard (organiser)");
  await signOut(page);
});
