/**
 * A double opt-in introduction: a Miami organiser introduces Emily (a Miami local) to Julien (the newcomer from
 * Toulouse). Nothing opens until both accept; then the two of them talk in the introduction's conversation, which the
 * connector does not see.
 */
import { expect, test } from "@playwright/test";
import { demoPersona, expectAccessible, pickMember, screenshot, signInAsPersona, signOut } from "./helpers";

test("an introduction accepted by both sides opens their conversation", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  const organiser = await demoPersona(page, "organiser", "miami");

  await signInAsPersona(page, organiser.name);
  await page.getByRole("link", { name: "Introductions" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Introductions" })).toBeVisible();
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByText("Choose a member.").first()).toBeVisible();
  await expect(page.getByText("Say why they should meet.")).toBeVisible();
  await pickMember(page, { picker: "First member", city: "miami", search: "Emily", name: "Emily Thompson" });
  await pickMember(page, { picker: "Second member", city: "toulouse", search: "Julien", name: "Julien Castaing" });
  await page
    .getByLabel("Why they should meet", { exact: true })
    .fill("Emily reads Julien's newsletter and knows Miami's media founders.");
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByText("Proposed: both are asked privately.")).toBeVisible();
  const proposed = page.locator(".cards > li").filter({ hasText: "Emily reads Julien's newsletter" });
  await expect(proposed).toContainText("Waiting for both answers");
  await screenshot(page, "40-introductions-proposed");
  await expectAccessible(page, "introductions");
  await signOut(page);

  await signInAsPersona(page, "Emily Thompson");
  await page.goto("/introductions");
  const forEmily = page.locator(".cards > li").filter({ hasText: "Emily reads Julien's newsletter" });
  await expect(forEmily).toContainText(`${organiser.name} introduces you to Julien Castaing`);
  await forEmily.getByRole("button", { name: "Accept" }).click();
  await expect(forEmily).toContainText("You accepted.");
  // One acceptance is not enough: no conversation yet.
  await expect(forEmily).toContainText("Waiting for both answers");
  await expect(forEmily.getByLabel("Your message")).toHaveCount(0);
  await signOut(page);

  await signInAsPersona(page, "Julien Castaing");
  await page.goto("/introductions");
  const forJulien = page.locator(".cards > li").filter({ hasText: "Emily reads Julien's newsletter" });
  await forJulien.getByRole("button", { name: "Accept" }).click();
  await expect(forJulien).toContainText("Both accepted: you can talk");
  const conversation = forJulien.getByRole("region", { name: "Conversation with Emily Thompson" });
  await expect(conversation).toContainText("No message yet. Say hello to Emily Thompson!");
  await conversation.getByRole("button", { name: "Send" }).click();
  await expect(conversation.getByText("Write a message first.")).toBeVisible();
  await conversation.getByLabel("Your message", { exact: true }).fill("Hello Emily! I land in Miami next month.");
  await conversation.getByRole("button", { name: "Send" }).click();
  await expect(conversation.getByRole("list", { name: "Messages" })).toContainText("I land in Miami next month.");
  await signOut(page);

  await signInAsPersona(page, "Emily Thompson");
  await page.goto("/introductions");
  const emilyConversation = page.getByRole("region", { name: "Conversation with Julien Castaing" });
  await expect(emilyConversation.getByRole("list", { name: "Messages" })).toContainText("I land in Miami next month.");
  await emilyConversation
    .getByLabel("Your message", { exact: true })
    .fill("Welcome! Coffee at Panther on your first morning?");
  await emilyConversation.getByRole("button", { name: "Send" }).click();
  await expect(emilyConversation.getByRole("list", { name: "Messages" }).locator("li")).toHaveCount(2);
  await screenshot(page, "41-introduction-conversation");
  await expectAccessible(page, "introduction conversation");
  await signOut(page);

  // The connector sees that it happened, not what they say.
  await signInAsPersona(page, organiser.name);
  await page.goto("/introductions");
  const forOrganiser = page.locator(".cards > li").filter({ hasText: "Emily reads Julien's newsletter" });
  await expect(forOrganiser).toContainText("Both accepted: you can talk");
  await expect(forOrganiser.getByRole("region")).toHaveCount(0);
  await expect(page.getByText("Coffee at Panther")).toHaveCount(0);
});
