/** Shared steps of the browser flows: accessibility checks, screenshots, signing up and in. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { readFileSync } from "node:fs";
import type { Offer } from "../../src/web/api-types";

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

/** The Monday at least `days` days from today (UTC), and the Friday after it: a stay inside one calendar week. */
export function workWeekFromNow(days: number): { monday: string; friday: string } {
  const start = new Date(Date.now() + days * 86_400_000);
  const shift = (8 - start.getUTCDay()) % 7;
  const monday = new Date(start.getTime() + shift * 86_400_000);
  const friday = new Date(monday.getTime() + 4 * 86_400_000);
  return { monday: monday.toISOString().slice(0, 10), friday: friday.toISOString().slice(0, 10) };
}

export interface CalendarEntry {
  kind: string;
  /** "accepted" (an offer the traveller accepted) or "planned" (the planner's choice among the open offers). */
  tone: string;
  startsAt: string;
  endsAt: string;
  time: string;
  title: string;
}

/** The items the week calendar shows, with their instants, kinds and the times it prints. */
export async function calendarEntries(page: Page): Promise<CalendarEntry[]> {
  return page.locator(".calendar-item").evaluateAll((items) =>
    items.map((item) => ({
      kind: item.getAttribute("data-kind") ?? "",
      tone: item.classList.contains("planned") ? "planned" : "accepted",
      startsAt: item.getAttribute("data-starts-at") ?? "",
      endsAt: item.getAttribute("data-ends-at") ?? "",
      time: item.querySelector(".time")?.textContent ?? "",
      title: item.textContent ?? "",
    })),
  );
}

/** Pairs of entries whose times overlap (an end equal to the next start is no overlap). */
export function overlaps(entries: CalendarEntry[]): string[] {
  const sorted = [...entries].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const found: string[] = [];
  let latest: CalendarEntry | undefined;
  for (const current of sorted) {
    if (latest && Date.parse(current.startsAt) < Date.parse(latest.endsAt))
      found.push(`${latest.title} / ${current.title}`);
    if (!latest || Date.parse(current.endsAt) > Date.parse(latest.endsAt)) latest = current;
  }
  return found;
}

const hour = 3_600_000;

/**
 * Accepts up to `want` offers of a trip through their cards, evening events first, each at the first proposed time
 * at least an hour from those already taken (the offers are read from the API to know their times).
 */
export async function acceptSomeOffers(
  page: Page,
  tripId: number,
  options: { want: number; language: "en" | "fr"; taken?: [number, number][] },
): Promise<Offer[]> {
  const text =
    options.language === "fr"
      ? { group: "Accepter l'un des horaires proposés", accepted: "Acceptée" }
      : { group: "Accept at one of the proposed times", accepted: "Accepted" };
  const received = (await (await page.request.get(`/api/trips/${tripId}/offers`)).json()) as { offers: Offer[] };
  // Offers accepted before count as taken.
  const taken = [
    ...(options.taken ?? []),
    ...received.offers.flatMap((offer) => {
      const slot = offer.slots.find((candidate) => candidate.id === offer.acceptedSlotId);
      return slot ? [[Date.parse(slot.startsAt), Date.parse(slot.endsAt)] as [number, number]] : [];
    }),
  ];
  const accepted: Offer[] = [];
  const ordered = [
    ...received.offers.filter((offer) => offer.kind === "event_invitation"),
    ...received.offers.filter((offer) => offer.kind !== "event_invitation"),
  ].filter((offer) => offer.status === "open");
  for (const offer of ordered) {
    if (accepted.length === options.want) break;
    const index = offer.slots.findIndex((slot) =>
      taken.every(([from, to]) => Date.parse(slot.endsAt) + hour <= from || Date.parse(slot.startsAt) >= to + hour),
    );
    const slot = offer.slots[index];
    if (!slot) continue;
    const card = page.locator(`[data-offer-id="${offer.id}"]`);
    await card.getByRole("group", { name: text.group }).getByRole("button").nth(index).click();
    await expect(card).toContainText(text.accepted);
    taken.push([Date.parse(slot.startsAt), Date.parse(slot.endsAt)]);
    accepted.push(offer);
  }
  return accepted;
}

/**
 * Waits until the week calendar holds at least eight meetings and two evening events, then checks that none overlap,
 * that each is printed in the city's time (not the browser's) and falls on a day of the stay. Returns the entries.
 */
export async function expectFullWeek(
  page: Page,
  options: { locale: string; week: { monday: string; friday: string }; timeZone: string },
): Promise<CalendarEntry[]> {
  await expect(async () => {
    const entries = await calendarEntries(page);
    const events = entries.filter((entry) => entry.kind === "event");
    const meetings = entries.filter((entry) => ["coffee", "lunch", "dinner", "visit"].includes(entry.kind));
    expect(meetings.length, "meetings on the week").toBeGreaterThanOrEqual(8);
    expect(events.length, "evening events on the week").toBeGreaterThanOrEqual(2);
    // Right after an acceptance the page may still show the plan solved before it: wait for the new one.
    expect(overlaps(entries)).toEqual([]);
  }).toPass({ timeout: 90_000 });
  const entries = await calendarEntries(page);
  expect(overlaps(entries)).toEqual([]);
  const { locale, week, timeZone } = options;
  for (const entry of entries) {
    expect(entry.time).toBe(
      `${wallTime(entry.startsAt, locale, timeZone)}–${wallTime(entry.endsAt, locale, timeZone)}`,
    );
    const day = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date(entry.startsAt));
    expect(day >= week.monday && day <= week.friday, `${entry.title} on ${day}`).toBe(true);
  }
  for (const event of entries.filter((entry) => entry.kind === "event"))
    expect(Number(wallTime(event.startsAt, "en-GB", timeZone).slice(0, 2)), event.title).toBeGreaterThanOrEqual(17);
  return entries;
}

/**
 * Downloads the agenda's .ics from its link and parses it with ical.js. The planner may re-solve between the page's
 * last poll and the download, so the file must hold the accepted items at their times and a full week of its own
 * (at least ten items, none overlapping, all during the stay), not necessarily the page's planned items.
 */
export async function expectIcsMatchesWeek(
  page: Page,
  linkName: string,
  options: { entries: CalendarEntry[]; week: { monday: string; friday: string }; timeZone: string },
): Promise<void> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const file = await (await downloading).path();
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  const items: CalendarEntry[] = calendar
    .getAllSubcomponents("vevent")
    .filter((vevent) => vevent.getFirstPropertyValue("status") !== "CANCELLED")
    .map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        kind: "",
        tone: "",
        startsAt: event.startDate.toJSDate().toISOString(),
        endsAt: event.endDate.toJSDate().toISOString(),
        time: "",
        title: event.summary,
      };
    });
  const starts = new Set(items.map((item) => Date.parse(item.startsAt)));
  for (const entry of options.entries.filter((candidate) => candidate.tone === "accepted"))
    expect(starts.has(Date.parse(entry.startsAt)), `${entry.title} in the .ics`).toBe(true);
  expect(items.length).toBeGreaterThanOrEqual(10);
  expect(overlaps(items)).toEqual([]);
  for (const item of items) {
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: options.timeZone }).format(new Date(item.startsAt));
    expect(day >= options.week.monday && day <= options.week.friday, `${item.title} on ${day}`).toBe(true);
  }
}

/** A time as the web app prints it in a zone ("9:30 AM" in en-US). */
export function wallTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(iso));
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

export interface DemoPersona {
  memberId: number;
  name: string;
  city: string | null;
  role: string;
}

/** The demo personas the home page offers (organisers are named by the seed, so tests look them up). */
export async function demoPersona(page: Page, role: string, city?: string): Promise<DemoPersona> {
  const { personas } = (await (await page.request.get("/api/demo/personas")).json()) as { personas: DemoPersona[] };
  const found = personas.find((persona) => persona.role === role && (city === undefined || persona.city === city));
  if (!found) throw new Error(`no demo persona ${role} in ${city ?? "any city"}`);
  return found;
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

/** Pixels of an element's screenshot that differ from its background colour (its top-left corner). */
export async function paintedPixels(page: Page, selector: string): Promise<{ painted: number; total: number }> {
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

/** Picks a member in one of the introduction form's member pickers: the city, a search, then the match named. */
export async function pickMember(
  page: Page,
  options: { picker: string; city: string; search: string; name: string; language?: "en" | "fr" },
) {
  const text =
    options.language === "fr"
      ? { city: "Ville", search: "Chercher par nom ou par mots", choose: "Choisir le membre" }
      : { city: "City", search: "Search by name or words", choose: "Choose the member" };
  await page.getByLabel(text.city, { exact: true }).selectOption(options.city);
  const group = page.getByRole("group", { name: options.picker });
  await group.getByLabel(text.search, { exact: true }).fill(options.search);
  const choice = group.getByLabel(text.choose, { exact: true });
  const option = choice.locator("option").filter({ hasText: options.name }).first();
  await expect(option).toBeAttached();
  await choice.selectOption((await option.getAttribute("value")) ?? "");
}
