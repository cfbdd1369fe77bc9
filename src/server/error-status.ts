/** The one table from error codes to HTTP statuses. */
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
