/** Calls a route of the matrix as one actor: the path's parameters filled from the world, its body and query. */
import type { RouteCase } from "./route-matrix";
import type { MatrixIds, World } from "./world";
import { expect } from "vitest";
import type { Client } from "../support/test-app";
import { testBaseUrl } from "../support/test-app";

/** Ids that name nothing: the answer for them is what a hidden resource must answer too. */
export const missingIds = new Proxy({} as MatrixIds, {
  get: (_target, key) => (key === "city" ? "nowhere" : key === "calendarSecret" ? "0".repeat(43) : 2_000_000_000),
});

/** The concrete path of a route key such as "GET /api/trips/{id}". */
export function routePath(key: string, rule: RouteCase, ids: MatrixIds): string {
  const template = key.slice(key.indexOf(" ") + 1);
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const source = rule.params?.[name];
    if (source === undefined) throw new Error(`${key}: no matrix value for the path parameter ${name}`);
    const value = typeof source === "number" ? source : (ids[source] ?? source);
    return encodeURIComponent(String(value));
  });
  return rule.query ? `${path}?${rule.query(ids)}` : path;
}

export async function callRoute(
  world: World,
  client: Client,
  key: string,
  rule: RouteCase,
  ids: MatrixIds,
): Promise<{ status: number; text: string }> {
  const method = key.slice(0, key.indexOf(" "));
  const path = routePath(key, rule, ids);
  let response: Response;
  if (rule.raw) {
    const cookie = client.cookieHeader();
    response = await world.harness.app.request(path, {
      method,
      headers: { origin: testBaseUrl, "content-type": rule.raw.contentType, ...(cookie ? { cookie } : {}) },
      body: rule.raw.text,
    });
  } else {
    const body = rule.body?.(ids) ?? (method === "GET" || method === "DELETE" ? undefined : {});
    response = await client.request(method, path, body);
  }
  return { status: response.status, text: await response.text() };
}

const methods = ["get", "post", "put", "patch", "delete"];

/** "METHOD /path" for every operation of the app's OpenAPI document. */
export async function openApiRouteKeys(world: World): Promise<string[]> {
  const response = await world.harness.app.request("/api/openapi.json");
  expect(response.status, "the OpenAPI document must build").toBe(200);
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => methods.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}
