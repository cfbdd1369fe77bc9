/**
 * The server app over a test database, driven in-process with `app.request()`, with helpers to sign up and read
 * the emails the app queued.
 */
import pino from "pino";
import { createAppContext } from "../../src/app/create-context";
import type { AppContext } from "../../src/app/context";
import type { JobQueue } from "../../src/app/job-queue";
import type { DatabaseHandle } from "../../src/db/create-db";
import { createServerApp } from "../../src/server/create-app";

export const testBaseUrl = "http://localhost:3999";
export const testSecret = "test-secret-test-secret-test-secret-0123456789";

export interface SentJob {
  name: string;
  data: object;
}

export function createTestApp(handle: DatabaseHandle, options: { demo?: boolean; webDir?: string } = {}) {
  const jobs: SentJob[] = [];
  const queue: JobQueue = {
    send: async (name, data) => {
      jobs.push({ name, data });
    },
  };
  const context: AppContext = createAppContext(
    handle,
    {
      baseUrl: testBaseUrl,
      authSecret: testSecret,
      demo: options.demo ?? false,
      demoReplyDelayMs: 0,
      // Tests read the plan a change makes at once; agenda-updating.test.ts checks the shorter wait.
      agendaWaitMs: 60_000,
      production: false,
      release: "test",
    },
    queue,
    pino({ level: "silent" }),
  );
  const app = createServerApp(context, { authSecret: testSecret, webDir: options.webDir ?? "/nonexistent" });
  return { app, context, jobs };
}

/** A cookie jar for one browser-like client. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly app: ReturnType<typeof createTestApp>["app"]) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.app.request(path, {
      method,
      headers: {
        origin: testBaseUrl,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.cookies.size > 0 ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === "" || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, body?: unknown) => this.request("POST", path, body ?? {});
  cookieNames = () => [...this.cookies.keys()];
  /** The Cookie header this client sends, for requests built by hand (e.g. a body that is not JSON). */
  cookieHeader = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  /** Sets a cookie as if the server had, e.g. a session written directly by a test factory. */
  setCookie = (name: string, value: string) => this.cookies.set(name, value);
}
