/** Types and helpers shared by the routes: the Hono environment, the viewer, and error responses. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import type { AppContext } from "../app/context";
import type { ViewerInfo } from "../app/get-viewer";
import type { PolledView } from "../app/view-cache";
import { AppError, type ErrorCode } from "../domain/errors";
import { errorStatus } from "./error-status";
import { findNulCharacter } from "./nul-characters";

export type ServerEnv = {
  Variables: { viewer: ViewerInfo | null; requestId: string };
};

export type Router = OpenAPIHono<ServerEnv>;

/** A router whose validation failures answer in the product's error shape, naming the first wrong field. */
export function createRouter(): Router {
  return new OpenAPIHono<ServerEnv>({
    defaultHook: (result, c) => {
      if (result.success) {
        const field = findNulCharacter(result.data);
        if (field === null) return;
        const name = field || result.target;
        return c.json(
          {
            error: {
              code: "validation_failed" as const,
              message: `${name}: must not contain the NUL character`,
              field: name,
            },
          },
          400,
        );
      }
      const issue = result.error.issues[0];
      const field = issue?.path.map(String).join(".") || undefined;
      return c.json(
        {
          error: {
            code: "validation_failed" as const,
            message: issue ? `${field ?? "input"}: ${issue.message}` : "invalid input",
            field,
          },
        },
        400,
      );
    },
  });
}

/** The signed-in viewer, or a 401 error. */
export function requireViewer(c: Context<ServerEnv>): ViewerInfo {
  const viewer = c.get("viewer");
  if (!viewer) throw new AppError("unauthenticated", "Sign in first");
  if (viewer.suspended) throw new AppError("forbidden", "Your account is suspended");
  return viewer;
}

/** Answers an error code in the product's error shape with its status from the one table. */
export function errorResponse(
  c: Context,
  code: ErrorCode,
  message: string,
  field?: string,
  retryAfterSeconds?: number,
) {
  if (retryAfterSeconds !== undefined) c.header("Retry-After", String(Math.max(1, Math.ceil(retryAfterSeconds))));
  return c.json({ error: { code, message, ...(field ? { field } : {}) } }, errorStatus[code]);
}

export type RouteRegistrar = (router: Router, context: AppContext, extra: { authSecret: string }) => void;

/**
 * Sends a view that pages poll (see `ViewCache`) with its ETag: 304 Not Modified when the client's copy still holds,
 * else its JSON text as it is. "no-cache": a browser keeps the copy but asks every time whether it still holds.
 */
export function sendPolledView<Body>(c: Context<ServerEnv>, view: PolledView): TypedResponse<Body, 200, "json"> {
  const headers = { etag: view.etag, "cache-control": "private, no-cache" };
  const response =
    "notModified" in view
      ? c.body(null, 304, headers)
      : c.body(view.json, 200, { ...headers, "content-type": "application/json" });
  // The text is the route's JSON already (built from its schema's types), not parsed again to be typed.
  return response as unknown as TypedResponse<Body, 200, "json">;
}
