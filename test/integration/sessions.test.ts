/**
 * The session check every request makes (src/app/get-viewer.ts reads better-auth's signed cookie itself, in one
 * query): the cookie better-auth sets at sign-in is accepted, a forged or foreign signature is not, an expired session
 * is refused and deleted, a session used a day after its last extension is extended, sign-out and suspension end it.
 */
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { readSignedCookie } from "../../src/app/accounts/session-token";
import { sessions } from "../../src/db/schema/auth";
import { describeOnDatabases } from "../support/databases";
import { createMember, createMemberWithPassword } from "../support/factories";
import { Client, createTestApp, testSecret } from "../support/test-app";

const cookieName = "givefirst.session_token";
const dayMs = 86_400_000;

describeOnDatabases("sessions", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
  });

  const tokenOf = (client: Client) => {
    const pair = client
      .cookieHeader()
      .split("; ")
      .find((cookie) => cookie.startsWith(`${cookieName}=`));
    if (!pair) throw new Error("no session cookie");
    return decodeURIComponent(pair.slice(cookieName.length + 1)).split(".")[0]!;
  };
  const sessionRow = async (token: string) =>
    (await database().handle.db.select().from(sessions).where(eq(sessions.token, token)))[0];
  const withCookie = (value: string) => {
    const client = new Client(harness.app);
    client.setCookie(cookieName, encodeURIComponent(value));
    return client;
  };

  it("accepts the cookie better-auth sets at sign-in, and none after sign-out", async () => {
    const { client, email } = await createMemberWithPassword(harness, { name: "Emily Carter" });
    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email, name: "Emily Carter" });
    expect((await client.post("/api/auth/sign-out")).status).toBe(200);
    expect((await client.get("/api/me")).status).toBe(401);
  });

  it("refuses a token whose signature is forged, foreign, cut or missing", async () => {
    const { client } = await createMember(harness);
    const token = tokenOf(client);
    expect(
      (await withCookie(`${token}.${createHmac("sha256", testSecret).update(token).digest("base64")}`).get("/api/me"))
        .status,
    ).toBe(200);
    const foreign = createHmac("sha256", "another-secret-another-secret-0123456789").update(token).digest("base64");
    const flipped = createHmac("sha256", testSecret).update(`${token}x`).digest("base64");
    for (const value of [
      `${token}.${foreign}`,
      `${token}.${flipped}`,
      token,
      `${token}.`,
      `${token}.${foreign.slice(0, 43)}`,
      `.${foreign}`,
    ])
      expect((await withCookie(value).get("/api/me")).status, value).toBe(401);
    // The session itself is untouched by the refused attempts.
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("refuses and deletes an expired session", async () => {
    const { client } = await createMember(harness);
    const token = tokenOf(client);
    await database()
      .handle.db.update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.token, token));
    expect((await client.get("/api/me")).status).toBe(401);
    expect(await sessionRow(token)).toBeUndefined();
  });

  it("extends a session used a day after its last extension, and not before", async () => {
    const { client } = await createMember(harness);
    const token = tokenOf(client);
    // Extended 2 hours ago (30 days lifetime): not due.
    const recent = new Date(Date.now() + 30 * dayMs - 2 * 3_600_000);
    await database().handle.db.update(sessions).set({ expiresAt: recent }).where(eq(sessions.token, token));
    expect((await client.get("/api/me")).status).toBe(200);
    expect((await sessionRow(token))?.expiresAt.getTime()).toBe(recent.getTime());
    // Extended 2 days ago: due; the expiry moves to 30 days from now.
    await database()
      .handle.db.update(sessions)
      .set({ expiresAt: new Date(Date.now() + 28 * dayMs) })
      .where(eq(sessions.token, token));
    const before = Date.now();
    expect((await client.get("/api/me")).status).toBe(200);
    const extended = (await sessionRow(token))!.expiresAt.getTime();
    expect(extended).toBeGreaterThanOrEqual(before + 30 * dayMs - 1000);
    expect(extended).toBeLessThanOrEqual(Date.now() + 30 * dayMs + 1000);
  });

  it("does not extend the session of a member who chose not to be remembered", async () => {
    const { client } = await createMember(harness);
    const token = tokenOf(client);
    const expiresAt = new Date(Date.now() + 28 * dayMs);
    await database().handle.db.update(sessions).set({ expiresAt }).where(eq(sessions.token, token));
    const signature = createHmac("sha256", testSecret).update("true").digest("base64");
    client.setCookie("givefirst.dont_remember", encodeURIComponent(`true.${signature}`));
    expect((await client.get("/api/me")).status).toBe(200);
    expect((await sessionRow(token))?.expiresAt.getTime()).toBe(expiresAt.getTime());
  });

  it("reads only the named cookie and only a well-formed signature", () => {
    const token = "abc123";
    const signature = createHmac("sha256", testSecret).update(token).digest("base64");
    const value = encodeURIComponent(`${token}.${signature}`);
    expect(readSignedCookie(`other=1; ${cookieName}=${value}`, cookieName, testSecret)).toBe(token);
    expect(readSignedCookie(`x${cookieName}=${value}`, cookieName, testSecret)).toBeNull();
    expect(readSignedCookie(null, cookieName, testSecret)).toBeNull();
    expect(readSignedCookie(`${cookieName}=${value}`, cookieName, `${testSecret}!`)).toBeNull();
  });
});
