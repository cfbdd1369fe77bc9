import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const secret = "a-secret-of-at-least-thirty-two-characters";

describe("loadConfig: WEB_CONCURRENCY", () => {
  it("defaults to one process", () => {
    expect(loadConfig({ AUTH_SECRET: secret, DATA_DIR: mkdtempSync(join(tmpdir(), "config-")) }).webConcurrency).toBe(
      1,
    );
  });

  it("takes several processes on a PostgreSQL server", () => {
    const config = loadConfig({ AUTH_SECRET: secret, DATABASE_URL: "postgres://u@127.0.0.1/db", WEB_CONCURRENCY: "3" });
    expect(config.webConcurrency).toBe(3);
  });

  it("refuses several processes on the embedded database, and a value that is not a count", () => {
    expect(() => loadConfig({ AUTH_SECRET: secret, WEB_CONCURRENCY: "2" })).toThrow(
      /WEB_CONCURRENCY: more than one process needs DATABASE_URL/,
    );
    for (const value of ["0", "two", "1.5", "65"])
      expect(() =>
        loadConfig({ AUTH_SECRET: secret, DATABASE_URL: "postgres://u@127.0.0.1/db", WEB_CONCURRENCY: value }),
      ).toThrow(ConfigError);
  });
});

describe("loadConfig: AGENDA_WAIT_MS", () => {
  const server = { AUTH_SECRET: secret, DATABASE_URL: "postgres://u@127.0.0.1/db" };
  it("defaults to 100 ms and takes a count of milliseconds up to a minute", () => {
    expect(loadConfig(server).agendaWaitMs).toBe(100);
    expect(loadConfig({ ...server, AGENDA_WAIT_MS: "0" }).agendaWaitMs).toBe(0);
    expect(loadConfig({ ...server, AGENDA_WAIT_MS: "2500" }).agendaWaitMs).toBe(2500);
    for (const value of ["-1", "soon", "0.5", "60001"])
      expect(() => loadConfig({ ...server, AGENDA_WAIT_MS: value })).toThrow(/AGENDA_WAIT_MS/);
  });
});
