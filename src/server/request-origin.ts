/**
 * Where a request comes from: cross-site writes are refused (CSRF), and the auth handler learns the client's address
 * from the connection, never from a header the client wrote.
 */
import type { Context, MiddlewareHandler } from "hono";
import { clientAddressHeader } from "../app/accounts/create-auth";
import { errorResponse } from "./http";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request that a browser sent from another site: its `Origin` is not the app's, or, when a
 * browser sent no Origin, its `Sec-Fetch-Site` says cross-site. Clients outside browsers send neither and pass;
 * every current browser sends Origin with a POST, PUT, PATCH or DELETE.
 */
export function refuseCrossSiteWrites(baseUrl: string): MiddlewareHandler {
  const appOrigin = new URL(baseUrl).origin;
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    const crossSite = origin !== undefined ? origin !== appOrigin : site === "cross-site" || site === "same-site";
    if (crossSite) return errorResponse(c, "forbidden", "Cross-site requests may not change anything here");
    return next();
  };
}

/** The address of the connection (the test harness has none). */
function connectionAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/** The request for better-auth, with the client's address from the connection in a header only the server sets. */
export function withClientAddress(c: Context): Request {
  const headers = new Headers(c.req.raw.headers);
  headers.delete(clientAddressHeader);
  const address = connectionAddress(c);
  if (address) headers.set(clientAddressHeader, address);
  return new Request(c.req.raw, { headers });
}
