/**
 * Failures carry a code; the HTTP status of each code is decided in one table (src/server/error-status.ts).
 * Expected outcomes, such as "no feasible agenda", are values and never errors.
 */
export const errorCodes = [
  "validation_failed",
  "unauthenticated",
  "email_not_verified",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "payload_too_large",
  "service_unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

/** A resource that is missing or that the viewer may not see: both answer the same, so existence does not leak. */
export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}

export function invalid(field: string, message: string): AppError {
  return new AppError("validation_failed", message, { field });
}
