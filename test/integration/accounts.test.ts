import { desc, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { emailOutbox } from "../../src/db/schema/system";
import { describeOnDatabases } from "../support/databases";
import { Client, createTestApp, testBaseUrl } from "../support/test-app";

describeOnDatabases("accounts", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
  });

  async function lastEmailTo(address: string) {
    const [email] = await database()
      .handle.db.select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, address))
      .orderBy(desc(emailOutbox.id))
      .limit(1);
    if (!email) throw new Error(`no email to ${address}`);
    return email;
  }

  const linkIn = (text: string) => {
    const match = /https?:\/\/\S+/.exec(text);
    if (!match) throw new Error("no link in the email");
    return match[0];
  };

  it("signs up, verifies the email, signs in, answers an authenticated request and signs out", async () => {
    const client = new Client(harness.app);
    const signUp = await client.post("/api/auth/sign-up/email", {
      name: "Pierre Martin",
      email: "pierre@example.test",
      password: "correct horse battery",
    });
    expect(signUp.status).toBe(200);
    // Signing up signs no one in (the answer must not differ for a registered email): the link does.
    expect((await client.get("/api/me")).status).toBe(401);

    const verification = await lastEmailTo("pierre@example.test");
    expect(verification.kind).toBe("verify_email");
    expect(verification.messageId).toMatch(/^<verify_email\.[0-9a-f-]+@localhost>$/);
    const link = new URL(linkIn(verification.textBody));
    expect(link.origin).toBe(testBaseUrl);
    const verified = await client.get(link.pathname + link.search);
    expect([200, 302]).toContain(verified.status);

    const me = await client.get("/api/me");
    expect(await me.json()).toMatchObject({
      name: "Pierre Martin",
      email: "pierre@example.test",
      emailVerified: true,
    });

    expect((await client.post("/api/auth/sign-out")).status).toBe(200);
    expect((await client.get("/api/me")).status).toBe(401);

    const wrong = await client.post("/api/auth/sign-in/email", {
      email: "pierre@example.test",
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
    expect((await client.get("/api/me")).status).toBe(401);

    const signIn = await client.post("/api/auth/sign-in/email", {
      email: "pierre@example.test",
      password: "correct horse battery",
    });
    expect(signIn.status).toBe(200);
    const session = signIn.headers.getSetCookie().find((cookie) => cookie.startsWith("givefirst.session_token="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("answers the same whether an email is registered or not, and resets a password by email", async () => {
    const client = new Client(harness.app);
    await client.post("/api/auth/sign-up/email", {
      name: "Ana",
      email: "ana@example.test",
      password: "first password 1",
    });
    await client.post("/api/auth/sign-out");

    const known = await client.post("/api/auth/request-password-reset", {
      email: "ana@example.test",
      redirectTo: "/reset",
    });
    const unknown = await client.post("/api/auth/request-password-reset", {
      email: "nobody@example.test",
      redirectTo: "/reset",
    });
    expect(known.status).toBe(unknown.status);
    expect(await known.json()).toEqual(await unknown.json());

    const email = await lastEmailTo("ana@example.test");
    expect(email.kind).toBe("reset_password");
    const link = new URL(linkIn(email.textBody));
    const followed = await client.get(link.pathname + link.search);
    expect(followed.status).toBe(302);
    const token = new URL(followed.headers.get("location") ?? "", testBaseUrl).searchParams.get("token");
    expect(token).toBeTruthy();

    const reset = await client.post("/api/auth/reset-password", { newPassword: "second password 2", token });
    expect(reset.status).toBe(200);
    expect(
      (await client.post("/api/auth/sign-in/email", { email: "ana@example.test", password: "first password 1" }))
        .status,
    ).toBe(401);
    expect(
      (await client.post("/api/auth/sign-in/email", { email: "ana@example.test", password: "second password 2" }))
        .status,
    ).toBe(200);
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("writes account emails in the member's language", async () => {
    const client = new Client(harness.app);
    const response = await client.request(
      "POST",
      "/api/auth/sign-up/email",
      { name: "Amélie", email: "amelie@example.test", password: "mot de passe solide" },
      { "accept-language": "fr-FR,fr;q=0.9" },
    );
    expect(response.status).toBe(200);
    const email = await lastEmailTo("amelie@example.test");
    expect(email.subject).toBe("Confirmez votre adresse pour Givefirst");
    expect(email.htmlBody).toContain("Bienvenue sur Givefirst, Amélie.");
  });
});
