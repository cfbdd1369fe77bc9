/**
 * The HTTP app, built from a context without listening, so that tests drive it in-process with `app.request()`.
 * Routes are thin: they validate through the contract in src/api, call one use case and present its result.
 */
import { serveStatic } from "@hono/node-server/serve-static";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { AppContext } from "../app/context";
import { getViewer } from "../app/get-viewer";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../domain/errors";
import { databaseRetryAfterSeconds, errorStatus, isDatabaseUnavailable } from "./error-status";
import { createRouter, errorResponse, type Router } from "./http";
import { refuseCrossSiteWrites, withClientAddress } from "./request-origin";
import { registerAnalyticsRoutes } from "./routes/analytics.routes";
import { registerMemberRoutes } from "./routes/members.routes";
import { registerSystemRoutes } from "./routes/system.routes";
import { registerTripRoutes } from "./routes/trips.routes";
import { registerEventRoutes } from "./routes/events.routes";
import { registerGivingRoutes } from "./routes/giving.routes";
import { registerIntroductionRoutes } from "./routes/introductions.routes";
import { registerOfferRoutes } from "./routes/offers.routes";
import { registerDirectoryRoutes } from "./routes/directory.routes";
import { registerAgendaRoutes } from "./routes/agenda.routes";
import { registerFeedRoutes } from "./routes/feeds.routes";
import { registerImportRoutes } from "./routes/imports.routes";
import { registerAdminRoutes } from "./routes/admin.routes";
import { registerMeRoutes } from "./routes/me.routes";
import { registerModerationRoutes } from "./routes/moderation.routes";
import { registerNotificationRoutes } from "./routes/notifications.routes";
import { registerReportRoutes } from "./routes/reports.routes";

export interface ServerOptions {
  authSecret: string;
  /** The built web app (vite's output); a minimal page is served when it is missing. */
  webDir: string;
}

export function createServerApp(context: AppContext, options: ServerOptions): Router {
  const app = createRouter();

  app.use("*", async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 64) || randomUUID();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    context.logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });

  app.onError((error, c) => {
    if (error instanceof AppError) {
      return errorResponse(c, error.code, error.message, error.details.field, error.details.retryAfterSeconds);
    }
    // The request validators throw these for a body that is not JSON at all: a client's mistake, not ours.
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, "validation_failed", error.message || "Malformed request");
    }
    if (isDatabaseUnavailable(error)) {
      context.logger.warn({ err: error, requestId: c.get("requestId") }, "database unavailable");
      return errorResponse(
        c,
        "service_unavailable",
        "The database is unavailable; retry in a few seconds.",
        undefined,
        databaseRetryAfterSeconds,
      );
    }
    context.logger.error({ err: error, requestId: c.get("requestId") }, "unexpected error");
    return c.json(
      {
        error: {
          code: "internal" as const,
          message: "Something went wrong on our side.",
        },
      },
      errorStatus.internal,
    );
  });

  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? errorResponse(c, "not_found", `No route ${c.req.method} ${c.req.path}`)
      : c.text("Not found", 404),
  );

  app.use("/api/*", refuseCrossSiteWrites(context.settings.baseUrl));
  app.on(["GET", "POST"], "/api/auth/*", (c) => context.auth.handler(withClientAddress(c)));

  app.use("/api/*", async (c, next) => {
    c.set("viewer", await getViewer(context, c.req.raw.headers));
    await next();
  });

  registerSystemRoutes(app, context, { authSecret: options.authSecret });
  registerTripRoutes(app, context, { authSecret: options.authSecret });
  registerOfferRoutes(app, context, { authSecret: options.authSecret });
  registerAgendaRoutes(app, context, { authSecret: options.authSecret });
  registerFeedRoutes(app, context, { authSecret: options.authSecret });
  registerImportRoutes(app, context, { authSecret: options.authSecret });
  registerDirectoryRoutes(app, context, { authSecret: options.authSecret });
  registerMemberRoutes(app, context, { authSecret: options.authSecret });
  registerAnalyticsRoutes(app, context, { authSecret: options.authSecret });
  registerEventRoutes(app, context, { authSecret: options.authSecret });
  registerIntroductionRoutes(app, context, { authSecret: options.authSecret });
  registerGivingRoutes(app, context, { authSecret: options.authSecret });
  registerNotificationRoutes(app, context, { authSecret: options.authSecret });
  registerReportRoutes(app, context, { authSecret: options.authSecret });
  registerModerationRoutes(app, context, { authSecret: options.authSecret });
  registerMeRoutes(app, context, { authSecret: options.authSecret });
  registerAdminRoutes(app, context, { authSecret: options.authSecret });

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Givefirst API",
      version: "0.1.0",
      license: { name: "AGPL-3.0-or-later" },
    },
  });

  serveWebApp(app, options.webDir);
  return app;
}

function serveWebApp(app: Router, webDir: string): void {
  const indexFile = join(webDir, "index.html");
  if (!existsSync(indexFile)) {
    app.get("/", (c) =>
      c.html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Givefirst</title></head>` +
          `<body><main><h1>Givefirst</h1><p>The web app is not built: run <code>npm run build:web</code>.</p></main></body></html>`,
      ),
    );
    return;
  }
  const root = relative(process.cwd(), webDir) || ".";
  app.use("/assets/*", serveStatic({ root }));
  app.use("/*", serveStatic({ root }));
  // Client-side routes: every other GET outside the API answers the app's page.
  // The API's unknown paths keep their JSON 404 (the notFound handler) instead of the app's page.
  const appPage = serveStatic({ root, path: "index.html" });
  app.get("*", (c, next) => (c.req.path.startsWith("/api/") ? next() : appPage(c, next)));
}
