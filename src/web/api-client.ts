/** A small typed client over fetch; the types come from the contract in src/api, never from server code. */
import type { ErrorBody } from "../api/common";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers: init.body !== undefined ? { "content-type": "application/json" } : {},
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached");
  }
  const text = await response.text();
  const body = parse(text);
  if (response.ok && body === null && text.trim().startsWith("<")) {
    // An HTML page where JSON was expected: this part of the API is not served (yet).
    throw new ApiError(404, "not_found", `No route ${init.method ?? "GET"} ${path}`);
  }
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    const fallback = (body as { message?: string } | null)?.message ?? response.statusText;
    throw new ApiError(
      response.status,
      error?.code ?? String(response.status),
      error?.message ?? fallback,
      error?.field,
    );
  }
  return body as T;
}

/** The field an error names, when it names one: the API's `field`, or better-auth's own codes. */
export function fieldOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.field : undefined;
}
