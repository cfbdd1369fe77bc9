/**
 * Issue #8.4: failed sign-ins throttled per account and per address with counters in the database, a new session
 * token at sign-in, cookie attributes in production, cross-site writes refused, and the same answer whether an
 * email is registered or not.
 */
import { count, eq } from "drizzle-orm";
import pino from "pino";
import { beforeEach, expect, it } from "vitest";
import { createAppContext } from "../../src/app/create-context";
import { trips } from "../../src/db/schema/arrivals";
import { users } from "../../src/db/schema/auth";
import { loadConfig } from "../../src/server/config";
import { createServerApp } from "../../src/server/create-app";
import { describeOnDatabases } from "../support/databases";
import { createCity, createMember, createMemberWithPassword, testPassword } from "../support/factories";
import { Client, createTestApp, testBaseUrl, testSecret } from "../support/test-app";

type App = ReturnType<typeof createTestApp>["app"];

/** A sign-in as a browser at `address` sends it (the address reaches the server through the connection only). */
function signInFrom(app: App, address: string, email: string, password: string, headers: Record<string, string> = {}) {
  return app.request(
    "/api/auth/sign-in/email",
    {
      method: "POST",
      headers: { origin: testBaseUrl, "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
}

const sessionToken = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((cookie) => /session_token=/.test(cookie))
    ?.split(";")[0]
    ?.split("=")[1];

describeOnDatabases("accounts: sign-in throttling, sessions, cookies, CSRF, enumeration", (database) => {
  let harness: ReturnType<typeof createTestApp>;
  beforeEach(async () => {
    await database().reset();
    harness = createTestApp(database().handle);
  });

  it("refuses the 101st failed sign-in of an account within the hour, even with the password, from another address and another app instance", async () => {
    const second = createTestApp(database().handle);
    const target = await createMemberWithPassword(harness);
    const neighbour = await createMemberWithPassword(harness);
    // 100 failures, half through each app instance, four at a time (the counters are updated atomically).
    for (let batch = 0; batch < 100; batch += 4) {
      const statuses = await Promise.all(
        [0, 1, 2, 3].map(async (offset) => {
          const attempt = batch + offset;
          const app = attempt % 2 === 0 ? harness.app : second.app;
          // Forged address headers change nothing: the address is the connection's.
          const forged = {
            "x-forwarded-for": `198.51.100.${attempt}`,
            "x-givefirst-client-address": `10.0.0.${attempt}`,
          };
          return (await signInFrom(app, "203.0.113.1", target.email, `wrong password ${attempt}`, forged)).status;
        }),
      );
      expect(statuses).toEqual([401, 401, 401, 401]);
    }
    const refused = await signInFrom(second.app, "203.0.113.2", target.email, testPassword);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/failed sign-ins/);
    expect(sessionToken(refused)).toBeUndefined();
    // The address that failed 100 times is refused for every account; another address is not.
    const fromSameAddress = await signInFrom(harness.app, "203.0.113.1", neighbour.email, testPassword);
    expect(fromSameAddress.status).toBe(429);
    expect(await fromSameAddress.text()).toMatch(/failed sign-ins/);
    expect((await signInFrom(harness.app, "203.0.113.3", neighbour.email, testPassword)).status).toBe(200);
    // Refusals are no failures of the password: they do not add to the counters.
    expect((await signInFrom(second.app, "203.0.113.4", target.email, testPassword)).status).toBe(429);
  });

  it("renews the session token at sign-in (no session fixation)", async () => {
    const member = await createMemberWithPassword(harness);
    const planted = await createMember(harness);
    const client = new Client(harness.app);
    // A session cookie planted before sign-in (someone else's, or an old one of the same browser).
    const old = planted.client.cookieHeader().split("=")[1] ?? "";
    client.setCookie("givefirst.session_token", old);
    const response = await client.post("/api/auth/sign-in/email", { email: member.email, password: testPassword });
    expect(response.status).toBe(200);
    const fresh = sessionToken(response);
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(old);
    const me = (await (await client.get("/api/me")).json()) as { email: string };
    expect(me.email).toBe(member.email);
    const again = await new Client(harness.app).post("/api/auth/sign-in/email", {
      email: member.email,
      password: testPassword,
    });
    expect(sessionToken(again)).not.toBe(fresh);
  });

  it("sets HttpOnly, SameSite and Secure session cookies with NODE_ENV=production", async () => {
    const config = loadConfig({
      NODE_ENV: "production",
      AUTH_SECRET: testSecret,
      BASE_URL: "https://givefirst.example",
      DATABASE_URL: "postgres://unused@127.0.0.1/unused",
    });
    expect(config.production).toBe(true);
    const context = createAppContext(
      database().handle,
      { ...config, authSecret: config.authSecret, release: "test" },
      { send: async () => {} },
      pino({ level: "silent" }),
    );
    const app = createServerApp(context, { authSecret: config.authSecret, webDir: "/nonexistent" });
    const member = await createMemberWithPassword(harness);
    const response = await app.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { origin: "https://givefirst.example", "content-type": "application/json" },
      body: JSON.stringify({ email: member.email, password: testPassword }),
    });
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((cookie) => /session_token=/.test(cookie));
    expect(session).toMatch(/^__Secure-givefirst\.session_token=/);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Secure/i);
    }
  });

  it("refuses cross-site writes (Origin or Sec-Fetch-Site) and changes nothing", async () => {
    await createCity(harness.context);
    const member = await createMember(harness);
    const trip = { city: "miami", arrivalDate: "2026-12-10", departureDate: "2026-12-12", seeks: "investors" };
    const tripCount = async () => (await harness.context.db.select({ n: count() }).from(trips))[0]?.n ?? 0;
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "http://localhost:3999.evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    const send = (path: string, headers: Record<string, string>, contentType = "application/json") =>
      harness.app.request(path, {
        method: "POST",
        headers: { ...headers, "content-type": contentType, cookie: member.client.cookieHeader() },
        body: JSON.stringify(path === "/api/trips" ? trip : {}),
      });
    for (const headers of crossSite) {
      expect((await send("/api/trips", headers)).status, JSON.stringify(headers)).toBe(403);
      // A form post (a "simple" request that a page of another site may send without asking).
      expect((await send("/api/trips", headers, "text/plain")).status, JSON.stringify(headers)).toBe(403);
      expect((await send("/api/auth/sign-out", headers)).status, JSON.stringify(headers)).toBe(403);
    }
    expect(await tripCount()).toBe(0);
    expect((await member.client.get("/api/me")).status).toBe(200);
    // The same request from the app's own pages goes through.
    const sameOrigin = await send("/api/trips", { origin: testBaseUrl, "sec-fetch-site": "same-origin" });
    expect(sameOrigin.status, await sameOrigin.clone().text()).toBe(201);
    expect(await tripCount()).toBe(1);
  });

  it("answers sign-up, sign-in and password reset the same whether the email is registered or not", async () => {
    const member = await createMemberWithPassword(harness);
    const unknown = "nobody-here@example.test";
    const anonymous = () => new Client(harness.app);
    const normalize = (text: string) =>
      text
        .replaceAll(member.email, "EMAIL")
        .replaceAll(unknown, "EMAIL")
        .replace(/"id":"[^"]+"/g, '"id":"ID"')
        .replace(/"(createdAt|updatedAt)":"[^"]+"/g, '"$1":"TIME"');
    const timed = async (call: () => Promise<Response>) => {
      const started = performance.now();
      const response = await call();
      return { status: response.status, body: normalize(await response.text()), ms: performance.now() - started };
    };
    const cases = {
      "sign-up": (email: string) =>
        anonymous().post("/api/auth/sign-up/email", { name: "Someone", email, password: "a long enough password" }),
      "sign-in": (email: string) =>
        anonymous().post("/api/auth/sign-in/email", { email, password: "not the right password" }),
      "password reset": (email: string) =>
        anonymous().post("/api/auth/request-password-reset", { email, redirectTo: "/reset" }),
    };
    for (const [name, call] of Object.entries(cases)) {
      const registered = await timed(() => call(member.email));
      const fresh = await timed(() => call(unknown));
      expect(fresh.status, name).toBe(registered.status);
      expect(fresh.body, name).toBe(registered.body);
      // Both hash a password or write a token: within 5× and 1 s of each other on a loaded 2-core machine.
      const [fast, slow] = [registered.ms, fresh.ms].sort((x, y) => x - y) as [number, number];
      expect(slow, `${name}: ${registered.ms} ms vs ${fresh.ms} ms`).toBeLessThan(Math.max(fast * 5, fast + 1000));
    }
    // Signing up with a registered email neither signs anyone in nor creates a second account.
    const again = anonymous();
    await again.post("/api/auth/sign-up/email", {
      name: "Intruder",
      email: member.email,
      password: "another password",
    });
    expect((await again.get("/api/me")).status).toBe(401);
    const accounts = await harness.context.db.select({ n: count() }).from(users).where(eq(users.email, member.email));
    expect(accounts[0]?.n).toBe(1);
  });
});
