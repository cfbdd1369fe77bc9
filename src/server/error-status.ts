/** The one table from error codes to HTTP statuses, and the errors that mean the database is out of reach. */
import type { ErrorCode } from "../domain/errors";

export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  email_not_verified: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/** Seconds a client should wait before retrying when the database is out of reach (the 503's Retry-After). */
export const databaseRetryAfterSeconds = 2;

// Socket errors, PostgreSQL's connection-exception class (08…), shutdowns and start-ups (57P01–57P03), too many
// connections (53300) and a statement timeout (57014): the request may succeed if retried shortly.
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "57014",
  "53300",
]);
const unavailableMessage =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable|the database system is (starting up|shutting down|in recovery)/i;

/**
 * Whether an error comes from an unreachable or restarting database (connection errors → 503 + Retry-After, never
 * 500). Libraries wrap the driver's error (drizzle's DrizzleQueryError, better-auth's APIError), so the whole chain
 * of causes is read.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 20) {
    const current = pending.pop();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && unavailableMessage.test(message)) return true;
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}
