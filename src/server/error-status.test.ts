import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./error-status";

const withCause = (message: string, cause: unknown) => Object.assign(new Error(message), { cause });
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("finds a connection error however deep the libraries wrapped it", () => {
    expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5", "ECONNREFUSED"))).toBe(true);
    const driver = new Error("Connection terminated unexpectedly");
    const query = withCause('Failed query: select "id" from "sessions"', driver);
    expect(isDatabaseUnavailable(withCause("Failed to get session", query))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode("refused", "ECONNREFUSED")], ""))).toBe(true);
    expect(isDatabaseUnavailable(withCause("wrapped", withCode("terminating connection", "57P01")))).toBe(true);
    expect(isDatabaseUnavailable(withCode("connection failure", "08006"))).toBe(true);
  });

  it("leaves every other error alone (a bug stays a 500)", () => {
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("duplicate key value", "23505"))).toBe(false);
    expect(isDatabaseUnavailable(withCause("Failed query", withCode("syntax error", "42601")))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    const loop: Error & { cause?: unknown } = new Error("loop");
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
