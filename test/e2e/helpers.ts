/** Shared steps of the browser flows: accessibility checks, screenshots, signing up and in. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails on any serious or critical axe-core violation of the current page. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude("[data-testid=network-canvas] canvas").analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(blocking, `axe-core on ${name}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** A date N days from today, as YYYY-MM-DD (UTC). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.test`;
}

/** Signs up through the form and confirms the email with the link the demo inbox shows. */
export async function signUpAndVerify(page: Page, options: { name: string; email: string; language: "en" | "fr" }) {
  const text =
    options.language === "fr"
      ? {
          name: "Votre nom",
          email: "Adresse e-mail",
          password: "Mot de passe",
          submit: "S'inscrire",
          inbox: /Confirmez votre adresse/,
        }
      : {
          name: "Your name",
          email: "Email address",
          password: "Password",
          submit: "Sign up",
          inbox: /Confirm your email/,
        };
  await page.goto("/sign-up");
  await page.getByLabel(text.name).fill(options.name);
  await page.getByLabel(text.email).fill(options.email);
  await page.getByLabel(text.password, { exact: true }).fill("a long enough password");
  await page.getByRole("button", { name: text.submit }).click();
  await expect(page).toHaveURL(/\/verify-email/);
  const email = page.locator(".inbox li").filter({ hasText: text.inbox }).first();
  await expect(email).toBeVisible({ timeout: 30_000 });
  return email;
}

/** Signs in as a demo persona from the home page. */
export async function signInAsPersona(page: Page, name: string, buttonText = `Sign in as ${name}`) {
  await page.goto("/");
  await page.getByRole("button", { name: buttonText }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name.split(" ")[0] ?? name);
}

/** Whether the server has a route (other parts of the API are built in parallel). */
export async function hasRoute(page: Page, method: "GET" | "POST", path: string): Promise<boolean> {
  const response = await page.request.fetch(path, { method, data: method === "POST" ? {} : undefined });
  if (response.status() !== 404) return true;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return !/^No route/.test(body?.error?.message ?? "");
}

/** Signs out from the header and waits until the app shows the signed-out navigation. */
export async function signOut(page: Page, language: "en" | "fr" = "en") {
  const text = language === "fr" ? { out: "Se déconnecter", in: "Se connecter" } : { out: "Sign out", in: "Sign in" };
  await page.getByRole("button", { name: text.out }).click();
  await expect(page.getByRole("navigation").getByRole("link", { name: text.in, exact: true })).toBeVisible();
}
