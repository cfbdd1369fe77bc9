/**
 * The same story in French, from a French-speaking browser: sign up, confirm, profile, announce a trip to Miami open
 * to all members; a Miami local offers a coffee; the traveller accepts it.
 */
import { expect, test } from "@playwright/test";
import {
  daysFromNow,
  expectAccessible,
  screenshot,
  signInAsPersona,
  signOut,
  signUpAndVerify,
  uniqueEmail,
} from "./helpers";

test.use({ locale: "fr-FR" });

test("une nouvelle venue s'inscrit, annonce un séjour à Miami, reçoit un café et l'accepte", async ({ page }) => {
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
  await page.getByLabel("Arrivée", { exact: true }).fill(daysFromNow(30));
  await page.getByLabel("Départ", { exact: true }).fill(daysFromNow(33));
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
  await form.getByLabel("Horaire 1 : date", { exact: true }).fill(daysFromNow(31));
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
  await expect(page.locator(".calendar-item").filter({ hasText: "Emily Thompson" })).toContainText("9:30");
  await screenshot(page, "31-fr-sejour-accepte");
  await expectAccessible(page, "séjour avec un café accepté");
});
