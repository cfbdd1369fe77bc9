/**
 * The openness dashboard of Toulouse: the report may first answer 202 "computing" and the page polls until it is
 * ready; the network is drawn with sigma.js on WebGL (SwiftShader, headless) and the canvas is not blank; an
 * organiser of the city sees the gatekeepers by name, a member who is not one does not.
 */
import { expect, test, type Page } from "@playwright/test";
import { demoPersona, expectAccessible, screenshot, signInAsPersona, signOut } from "./helpers";

/** Pixels of an element's screenshot that differ from its background colour (its top-left corner). */
async function paintedPixels(page: Page, selector: string): Promise<{ painted: number; total: number }> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D context");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const [r, g, b] = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
    let painted = 0;
    for (let index = 0; index < data.length; index += 4) {
      const distance =
        Math.abs((data[index] ?? 0) - r) + Math.abs((data[index + 1] ?? 0) - g) + Math.abs((data[index + 2] ?? 0) - b);
      if (distance > 24) painted++;
    }
    return { painted, total: image.width * image.height };
  }, png.toString("base64"));
}

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
