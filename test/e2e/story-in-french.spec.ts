/**
 * The same story in French, from a French-speaking browser: sign up, confirm, profile, announce a working week in
 * Miami open to all members; a Miami local offers a coffee and the demo locals answer too; the traveller accepts the
 * coffee, both evening events and a meeting; the week holds at least eight meetings and two evening events without
 * overlaps, printed in Miami time the French way; the .ics parses; the traveller writes in the coffee's thread; the
 * Toulouse dashboard draws its network; an introduction accepted by both opens their conversation, in French.
 */
import { expect, test } from "@playwright/test";
import {
  acceptSomeOffers,
  demoPersona,
  expectIcsMatchesWeek,
  paintedPixels,
  pickMember,
  expectAccessible,
  expectFullWeek,
  screenshot,
  signInAsPersona,
  signOut,
  signUpAndVerify,
  uniqueEmail,
  workWeekFromNow,
} from "./helpers";

test.use({ locale: "fr-FR" });

test("une nouvelle venue s'inscrit, annonce un séjour à Miami, reçoit un café et l'accepte", async ({ page }) => {
  test.setTimeout(420_000);
  const week = workWeekFromNow(29);
  const tuesday = new Date(Date.parse(week.monday) + 86_400_000).toISOString().slice(0, 10);
  await page.goto("/");
  await expect(page.getByText("les habitants demandent « Comment puis-je aider ? »", { exact: false })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  const email = uniqueEmail("camille");
  const message = await signUpAndVerify(page, { name: "Camille Roux", email, language: "fr" });
  await message.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Accroche", { exact: true }).fill("Fondatrice d'une start-up de la mode durable");
  await page
    .getByLabel("Ce que je peux apporter", { exact: true })
    .fill("Conseils sur la chaîne d'approvisionnement textile");
  await page.getByLabel("Ce que je cherche", { exact: true }).fill("Des distributeurs à Miami");
  await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
  await expect(page.getByRole("heading", { name: "Ils arrivent dans votre ville" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue, Camille Roux");

  await page.getByRole("link", { name: "Annoncer un séjour" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Annoncer un séjour ou une installation");
  await page.getByRole("button", { name: "Annoncer", exact: true }).click();
  await expect(page.getByText("Choisissez une ville.")).toBeVisible();
  await page.getByLabel("Ville", { exact: true }).selectOption("miami");
  await page.getByLabel("Arrivée", { exact: true }).fill(week.monday);
  await page.getByLabel("Départ", { exact: true }).fill(week.friday);
  await page.getByLabel("Ce que je cherche", { exact: true }).fill("Des distributeurs et des fondateurs de la mode");
  await page.getByRole("radio", { name: /Tous les membres de la ville/ }).check();
  await screenshot(page, "30-fr-annoncer");
  await expectAccessible(page, "annoncer un séjour");
  await page.getByRole("button", { name: "Annoncer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Séjour à Miami");
  const tripUrl = new URL(page.url()).pathname;
  await signOut(page, "fr");

  await signInAsPersona(page, "Emily Thompson", "Se connecter en tant que Emily Thompson");
  await expect(page.getByRole("heading", { name: "Ils arrivent dans votre ville" })).toBeVisible();
  const arrival = page.locator(".arrival").filter({ hasText: "Camille Roux" }).first();
  await expect(arrival).toBeVisible({ timeout: 30_000 });
  await arrival.getByRole("button", { name: "Comment puis-je aider ?" }).click();
  const form = arrival.getByRole("form", { name: "Proposer votre aide à Camille Roux" });
  await form.getByLabel("Que proposez-vous ?", { exact: true }).selectOption("coffee");
  await form.getByLabel("Horaire 1 : date", { exact: true }).fill(tuesday);
  await form.getByLabel("Horaire 1 : heure", { exact: true }).fill("09:30");
  await form.getByLabel("Lieu", { exact: true }).fill("Panther Coffee");
  await form.getByRole("button", { name: "Envoyer ma proposition" }).click();
  await expect(arrival.getByText("Votre proposition a été envoyée à Camille Roux.")).toBeVisible();
  await signOut(page, "fr");

  await page.goto("/sign-in");
  await page.getByLabel("Adresse e-mail", { exact: true }).fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill("a long enough password");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue, Camille Roux");
  await page.goto(tripUrl);
  const offer = page.locator(".offers > li").filter({ hasText: "Emily Thompson" }).first();
  await expect(offer).toContainText("Café");
  await expect(offer).toContainText("En attente de votre réponse");
  await offer.getByRole("button", { name: /^Accepter .*9:30/ }).click();
  await expect(offer).toContainText("Acceptée");
  await expect(page.getByRole("heading", { name: "Votre semaine" })).toBeVisible();
  await expect(page.locator(".calendar-item").filter({ hasText: "Emily Thompson" })).toContainText("9:30–10:15");

  // The demo locals' offers (eight meetings, two evening events) are there too: accept the events and a meeting.
  const tripId = Number(tripUrl.split("/").pop());
  await expect(page.locator(".offers > li")).toHaveCount(11, { timeout: 60_000 });
  const accepted = await acceptSomeOffers(page, tripId, { want: 3, language: "fr" });
  expect(accepted.filter((item) => item.kind === "event_invitation")).toHaveLength(2);
  await expect(page.getByText("heures de America/New_York")).toBeVisible();
  const entries = await expectFullWeek(page, { locale: "fr", week, timeZone: "America/New_York" });
  await screenshot(page, "31-fr-sejour-semaine");
  await expectAccessible(page, "séjour avec sa semaine");
  await expectIcsMatchesWeek(page, "Télécharger l'agenda (.ics)", { entries, week, timeZone: "America/New_York" });

  // The coffee's thread, in French.
  await offer.getByRole("link", { name: "Messages avec Emily Thompson" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Café proposé par Emily Thompson");
  await expect(page.getByText("Pas encore de message.")).toBeVisible();
  await page.getByLabel("Votre message", { exact: true }).fill("Merci Emily ! À mardi.");
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("À mardi.");
  await screenshot(page, "32-fr-fil-de-la-proposition");
  await expectAccessible(page, "fil d'une proposition");

  // The Toulouse dashboard in French: the index (polled while it is computed), the network drawn, no name shown.
  await page.goto("/cities/toulouse/report");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toulouse est-elle ouverte ?");
  await expect(page.locator(".big-number").first()).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText("Les noms des gardiens ne sont montrés qu'aux organisateurs de la ville.")).toBeVisible();
  await expect(page.locator("[data-testid=network-canvas] canvas").first()).toBeAttached({ timeout: 60_000 });
  await expect(async () => {
    const { painted, total } = await paintedPixels(page, "[data-testid=network-canvas]");
    expect(painted, `painted pixels of ${total}`).toBeGreaterThan(total * 0.01);
  }).toPass({ timeout: 60_000 });
  await screenshot(page, "33-fr-tableau-toulouse");
  await expectAccessible(page, "tableau de Toulouse");
  await signOut(page, "fr");

  // An introduction in French: a Toulouse organiser introduces a young founder to Julien; once both accept, they talk.
  const organiser = await demoPersona(page, "organiser", "toulouse");
  const founder = await demoPersona(page, "young_founder", "toulouse");
  const reason = "Deux fondateurs toulousains qui devraient se parler de leurs lancements.";
  await signInAsPersona(page, organiser.name, `Se connecter en tant que ${organiser.name}`);
  await page.goto("/introductions");
  await expect(page.getByRole("heading", { level: 1, name: "Mises en relation" })).toBeVisible();
  await page.getByRole("button", { name: "Proposer", exact: true }).click();
  await expect(page.getByText("Dites pourquoi ils devraient se rencontrer.")).toBeVisible();
  await pickMember(page, {
    picker: "Premier membre",
    city: "toulouse",
    search: founder.name,
    name: founder.name,
    language: "fr",
  });
  await pickMember(page, {
    picker: "Second membre",
    city: "toulouse",
    search: "Julien",
    name: "Julien Castaing",
    language: "fr",
  });
  await page.getByLabel("Pourquoi ils devraient se rencontrer", { exact: true }).fill(reason);
  await page.getByRole("button", { name: "Proposer", exact: true }).click();
  await expect(page.getByText("Proposée : les deux sont sollicités en privé.")).toBeVisible();
  await signOut(page, "fr");
  for (const [name, writes] of [
    [founder.name, null],
    ["Julien Castaing", "Bonjour ! Un café la semaine prochaine ?"],
  ] as const) {
    await signInAsPersona(page, name, `Se connecter en tant que ${name}`);
    await page.goto("/introductions");
    const card = page.locator(".cards > li").filter({ hasText: reason });
    await card.getByRole("button", { name: "Accepter", exact: true }).click();
    await expect(card).toContainText("Vous avez accepté.");
    if (writes) {
      const conversation = card.getByRole("region", { name: `Conversation avec ${founder.name}` });
      await conversation.getByLabel("Votre message", { exact: true }).fill(writes);
      await conversation.getByRole("button", { name: "Envoyer", exact: true }).click();
      await expect(conversation.getByRole("list", { name: "Messages" })).toContainText(writes);
      await screenshot(page, "34-fr-conversation");
      await expectAccessible(page, "conversation d'une mise en relation");
    }
    await signOut(page, "fr");
  }
});
