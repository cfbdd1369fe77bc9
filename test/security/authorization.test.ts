/**
 * Issue #8.1: every route of the OpenAPI document (and the few outside it) called as every kind of actor. A route
 * without a matrix entry fails; a refused write must leave the database unchanged; a private resource answers 404
 * exactly as a missing one does; no answer to an outsider carries a word of a private resource.
 */
import { expect, it } from "vitest";
import { describeOnDatabases } from "../support/databases";
import { callRoute, missingIds, openApiRouteKeys } from "./call-route";
import { routeMatrix, routesOutsideOpenApi, type Outcome, type RouteCase } from "./route-matrix";
import { actors, changedTables, databaseChecksum, insiders, plantWorld, type Actor } from "./world";

function expected(rule: RouteCase, actor: Actor): Outcome {
  if (rule.expect?.[actor] !== undefined) return rule.expect[actor];
  if (rule.ok.includes(actor)) return "ok";
  if (actor === "anonymous") return rule.anonymous ?? 401;
  return rule.refused ?? 404;
}

const matches = (outcome: Outcome, status: number) =>
  outcome === "ok" ? status >= 200 && status < 300 : status === outcome;

describeOnDatabases("authorization matrix", (database) => {
  it("answers every route as the matrix says for every actor, with 0 unauthorized reads or writes", async () => {
    const world = await plantWorld(database().handle);
    const keys = await openApiRouteKeys(world);
    const missing = keys.filter((key) => !(key in routeMatrix));
    expect(missing, "routes of the OpenAPI document without an entry in test/security/route-matrix.ts").toEqual([]);
    const stale = Object.keys(routeMatrix).filter((key) => !keys.includes(key));
    expect(stale, "matrix entries for routes that no longer exist").toEqual([]);

    // Reads first, then writes in the matrix's order; better-auth's own routes last (one signs the actors out).
    const ordered = [
      ...keys.filter((key) => key.startsWith("GET ")),
      ...Object.keys(routeMatrix).filter((key) => !key.startsWith("GET ") && keys.includes(key)),
    ];
    const cases: [string, RouteCase][] = [
      ...ordered.map((key): [string, RouteCase] => [key, routeMatrix[key]!]),
      ...Object.entries(routesOutsideOpenApi),
    ];
    const failures: string[] = [];
    let calls = 0;
    for (const [key, rule] of cases) {
      const ids = rule.fresh ? { ...world.ids, ...(await rule.fresh(world)) } : world.ids;
      const isWrite = !key.startsWith("GET ");
      // The refused first, so that an allowed write cannot hide a refused one; the checksum spans them all.
      const order = [...actors].sort((x, y) => Number(expected(rule, x) === "ok") - Number(expected(rule, y) === "ok"));
      const before = isWrite ? await databaseChecksum(database().handle) : "";
      let checked = false;
      for (const actor of order) {
        const outcome = expected(rule, actor);
        if (isWrite && outcome === "ok" && !checked) {
          const after = await databaseChecksum(database().handle);
          if (after !== before)
            failures.push(`${key}: a refused call changed ${changedTables(before, after).join(", ")}`);
          checked = true;
        }
        const answer = await callRoute(world, world.clients[actor], key, rule, ids);
        calls += 1;
        if (!matches(outcome, answer.status))
          failures.push(`${key} as ${actor}: expected ${outcome}, got ${answer.status} ${answer.text.slice(0, 160)}`);
        if (!insiders.includes(actor)) {
          const leaked = [...world.canaries, ...world.secretNames].filter((word) => answer.text.includes(word));
          if (leaked.length > 0) failures.push(`${key} as ${actor}: leaked ${leaked.join(", ")}`);
        }
        // Hidden answers exactly like missing: same status and body, so that existence does not leak.
        if (outcome === 404 && rule.expect?.[actor] === undefined && rule.params && answer.status === 404) {
          const absent = await callRoute(world, world.clients[actor], key, rule, missingIds);
          if (absent.status !== 404 || absent.text !== answer.text)
            failures.push(
              `${key} as ${actor}: hidden answers ${answer.text}, missing answers ${absent.status} ${absent.text}`,
            );
        }
        if (key === "GET /api/auth/get-session" && actor !== "anonymous") {
          const session = JSON.parse(answer.text) as { user?: { email?: string } } | null;
          const own = world.members[actor].email;
          if (session?.user?.email !== own) failures.push(`${key} as ${actor}: the session is not the caller's`);
        }
      }
      if (isWrite && !checked) {
        const after = await databaseChecksum(database().handle);
        if (after !== before)
          failures.push(`${key}: a refused call changed ${changedTables(before, after).join(", ")}`);
      }
    }
    expect(failures).toEqual([]);
    // Every route as every actor, besides the hidden-versus-missing comparisons.
    expect(calls).toBe(cases.length * actors.length);
  });
});
