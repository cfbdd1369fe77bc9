/**
 * `npm run bench -- load [--members N] [--duration S] [--connections C] [--engines postgres,pglite] [--reuse]
 * [--web-concurrency N] [--no-revalidate] [--log-level L]`: the server under 50 concurrent clients (autocannon on 127.0.0.1) on a city of N members
 * (default 100,000, about 10 ties each: 1,000,000 ties), loaded by the demo loader's bulk path. On PostgreSQL the
 * server runs WEB_CONCURRENCY processes (default 1); its memory is the sum of their peaks. The mix: the arrivals feed, the trip page, its agenda and
 * offers, and offer creation (one in five requests). The trip page's polled views (offers, agenda) are asked for as the
 * web app's browser asks: with the ETag of the copy it holds (If-None-Match), per member and path; `--no-revalidate`
 * asks without, as a client that keeps no copy. Targets (issue #8): p99 < 200 ms, 0 errors, server memory < 1 GB
 * on PostgreSQL; the same figures on PGlite, reported. PostgreSQL is BENCH_DATABASE_URL (default the local server's
 * `test` database), in a database of its own that is dropped after; with `--reuse`, kept as `givefirst_bench_load`
 * and loaded again only when it is missing (the previous run's trips and offers are deleted). Ends with one JSON line.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { seedDemoWorld } from "../src/app/demo/seed-demo-world";
import { createDb, type DatabaseHandle } from "../src/db/create-db";
import { trips } from "../src/db/schema/arrivals";
import { users } from "../src/db/schema/auth";
import { members } from "../src/db/schema/people";
import { runLoad, type LoadRequest, type LoadResponse } from "../test/faults/support/autocannon";
import { memberHeaders, sessionCookie, startServerProcess } from "../test/faults/support/server-process";

const dayMs = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

interface Options {
  membersPerCity: number;
  durationSeconds: number;
  connections: number;
  routeSeconds: number;
  engines: ("postgres" | "pglite")[];
  /** PostgreSQL only: HTTP processes of the server (WEB_CONCURRENCY). */
  webConcurrency: number;
  /** PostgreSQL only: keep the loaded city in `givefirst_bench_load` and load it again only when it is not there. */
  reuse: boolean;
  /** Ask for the polled views with the ETag of the last answer, as a browser does (the default). */
  revalidate: boolean;
  /** The server's LOG_LEVEL: "error" by default; "info" logs a line per request (read by this process). */
  logLevel: string;
}

interface Prepared {
  cityMembers: number;
  cityTies: number;
  seedSeconds: number;
  locals: string[];
  travellers: string[];
  tripIds: number[];
  slotStartsAt: string;
}

interface EngineFigures {
  engine: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: Record<string, number>;
  /** 304 answers to the polled views' If-None-Match. */
  notModified: number;
  offersCreated: number;
  serverPeakRssMb: number;
  serverCpuSeconds: number;
  serverProcesses: number;
  /** p99 of each route run alone. */
  p99MsAlone: Record<string, number>;
  /** Each route's share of the mix: its requests, p50 and p99. */
  inMix: Record<string, { requests: number; p50Ms: number; p99Ms: number }>;
  cityMembers: number;
  cityTies: number;
  seedSeconds: number;
  pass: boolean;
}

function parseOptions(args: string[]): Options {
  const value = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  return {
    membersPerCity: Number(value("--members") ?? 100_000),
    durationSeconds: Number(value("--duration") ?? 30),
    connections: Number(value("--connections") ?? 50),
    routeSeconds: Number(value("--route-seconds") ?? 5),
    engines: (value("--engines") ?? "postgres,pglite").split(",") as Options["engines"],
    reuse: args.includes("--reuse"),
    revalidate: !args.includes("--no-revalidate"),
    logLevel: value("--log-level") ?? "error",
    webConcurrency: Number(value("--web-concurrency") ?? 1),
  };
}

const benchSeeks = "investors and founders in fintech";
/** Locals offering to each trip, offers a local sends (the daily cap), and batches of such locals. */
const offeringLocals = 250;
const offersPerLocal = 20;
const localBatches = 2;

/**
 * Loads the demo world (unless `reuse` finds it loaded; the previous run's trips go, with their offers), signs in
 * locals of Miami (members with ties) and travellers from Toulouse with trips.
 */
async function prepare(handle: DatabaseHandle, membersPerCity: number, reuse: boolean): Promise<Prepared> {
  const context = { db: handle.db, executeSql: handle.executeSql, now: () => new Date() };
  const started = performance.now();
  const loaded =
    reuse &&
    Number((await handle.executeSql("select count(*) as n from members", [])).rows[0]?.n ?? 0) >= 2 * membersPerCity;
  if (loaded) await handle.executeSql("delete from trips where seeks = $1", [benchSeeks]);
  else {
    await seedDemoWorld(context, { membersPerCity, seed: "bench" });
    // The steady state is measured, not autovacuum catching up on a million fresh rows with the planner guessing.
    await handle.executeSql("VACUUM ANALYZE", []);
  }
  const seedSeconds = (performance.now() - started) / 1000;
  const count = async (text: string, values: unknown[]) =>
    Number((await handle.executeSql(text, values)).rows[0]?.n ?? 0);
  const cityId = Number((await handle.executeSql("select id from cities where slug = $1", ["miami"])).rows[0]?.id);
  const homeId = Number((await handle.executeSql("select id from cities where slug = $1", ["toulouse"])).rows[0]?.id);
  const cityMembers = await count("select count(*) as n from members where home_city_id = $1", [cityId]);
  const cityTies = await count(
    "select count(*) as n from ties t join members a on a.id = t.a_id join members b on b.id = t.b_id where a.home_city_id = $1 and b.home_city_id = $1",
    [cityId],
  );

  const signIn = async (cityOfMember: number, howMany: number): Promise<{ id: number; cookie: string }[]> => {
    const rows = await handle.executeSql(
      "select id, user_id from members where home_city_id = $1 order by id limit $2",
      [cityOfMember, howMany],
    );
    const signedIn: { id: number; cookie: string }[] = [];
    for (const row of rows.rows) {
      const id = Number(row.id);
      let userId = row.user_id === null ? null : String(row.user_id);
      if (userId === null) {
        userId = randomUUID();
        await handle.db
          .insert(users)
          .values({ id: userId, name: `Bench ${id}`, email: `bench-${id}@example.test`, emailVerified: true });
        await handle.db.update(members).set({ userId }).where(eq(members.id, id));
      }
      signedIn.push({ id, cookie: await sessionCookie(context, userId) });
    }
    return signedIn;
  };
  const locals = await signIn(cityId, offeringLocals * localBatches);
  const travellers = await signIn(homeId, 25);
  const arrival = Date.now() + 20 * dayMs;
  const tripRows = await handle.db
    .insert(trips)
    .values(
      travellers.map((traveller) => ({
        memberId: traveller.id,
        cityId,
        arrivalDate: isoDate(arrival),
        departureDate: isoDate(arrival + 4 * dayMs),
        seeks: benchSeeks,
        availability: { weekly: {} },
        audience: "members",
        visibleUntil: new Date(arrival + 6 * dayMs),
      })),
    )
    .returning({ id: trips.id });
  return {
    cityMembers,
    cityTies,
    seedSeconds: Number(seedSeconds.toFixed(1)),
    locals: locals.map((local) => local.cookie),
    travellers: travellers.map((traveller) => traveller.cookie),
    tripIds: tripRows.map((row) => row.id),
    slotStartsAt: `${isoDate(arrival + dayMs)}T16:00:00Z`,
  };
}

/**
 * The request mix: each connection cycles through these five, each send with the next member and trip. With
 * `revalidate`, each member's polled views are asked for with the ETag of their last answer (a browser's cache).
 */
function requestMix(prepared: Prepared, revalidate: boolean): LoadRequest[] {
  let turn = 0;
  let pair = 0;
  const pick = <T>(list: T[], index: number) => list[index % list.length]!;
  // autocannon's own request carries the host and port: each send changes only method, path, cookie and body.
  const asMember = (base: LoadRequest, cookie: string, request: LoadRequest): LoadRequest => ({
    ...base,
    ...request,
    headers: memberHeaders(cookie),
  });
  // The ETag each member's browser holds, by cookie and path.
  const browserCopies = new Map<string, string>();
  const polled = (base: LoadRequest, cookie: string, path: string, context: Record<string, unknown>): LoadRequest => {
    const copy = `${cookie} ${path}`;
    context.copy = copy;
    const etag = revalidate ? browserCopies.get(copy) : undefined;
    return {
      ...base,
      method: "GET",
      path,
      headers: memberHeaders(cookie, etag ? { "if-none-match": etag } : {}),
    };
  };
  const keepCopy = (
    status: number,
    _body: string,
    context: Record<string, unknown>,
    headers: Record<string, string>,
  ) => {
    if (revalidate && status === 200 && headers.etag) browserCopies.set(String(context.copy), headers.etag);
  };
  const tripOf = () => {
    turn += 1;
    const index = turn % prepared.tripIds.length;
    return {
      tripId: prepared.tripIds[index]!,
      traveller: prepared.travellers[index]!,
      local: pick(prepared.locals, turn),
    };
  };
  return [
    {
      path: "/",
      setupRequest: (base, context) => {
        context.route = "arrivals";
        return asMember(base, tripOf().local, { method: "GET", path: "/api/arrivals" });
      },
    },
    {
      path: "/",
      setupRequest: (base, context) => {
        context.route = "trip";
        const { tripId, local } = tripOf();
        return asMember(base, local, { method: "GET", path: `/api/trips/${tripId}` });
      },
    },
    {
      path: "/",
      setupRequest: (base, context) => {
        context.route = "agenda";
        const { tripId, traveller } = tripOf();
        return polled(base, traveller, `/api/trips/${tripId}/agenda`, context);
      },
      onResponse: keepCopy,
    },
    {
      path: "/",
      setupRequest: (base, context) => {
        context.route = "offers";
        const { tripId, traveller } = tripOf();
        return polled(base, traveller, `/api/trips/${tripId}/offers`, context);
      },
      onResponse: keepCopy,
    },
    {
      path: "/",
      // Trip after trip, each gets one offer from each of 250 locals; a local offers to 20 trips at most (the daily
      // cap), then the next 250 locals take over: up to 20 × 250 × 2 = 10,000 offers, none refused.
      setupRequest: (base, context) => {
        context.route = "createOffer";
        pair += 1;
        const batch = Math.floor(pair / (offeringLocals * offersPerLocal)) % localBatches;
        const local = prepared.locals[batch * offeringLocals + (pair % offeringLocals)]!;
        const tripId = prepared.tripIds[Math.floor(pair / offeringLocals) % prepared.tripIds.length]!;
        return asMember(base, local, {
          method: "POST",
          path: `/api/trips/${tripId}/offers`,
          body: JSON.stringify({
            kind: "coffee",
            message: "Happy to meet for a coffee near Brickell",
            slots: [{ startsAt: prepared.slotStartsAt, durationMinutes: 45 }],
            venue: { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 },
          }),
        });
      },
    },
  ];
}

/** Each route's requests, p50 and p99 in the mix (its responses' times, by the route their request named). */
function routePercentiles(responses: LoadResponse[]): EngineFigures["inMix"] {
  const byRoute = new Map<string, number[]>();
  for (const response of responses) {
    const times = byRoute.get(response.route ?? "?") ?? [];
    times.push(response.ms);
    byRoute.set(response.route ?? "?", times);
  }
  const figures: EngineFigures["inMix"] = {};
  for (const [route, times] of byRoute) {
    times.sort((a, b) => a - b);
    const at = (share: number) => Math.round(times[Math.min(times.length - 1, Math.floor(share * times.length))]!);
    figures[route] = { requests: times.length, p50Ms: at(0.5), p99Ms: at(0.99) };
  }
  return figures;
}

/** The server's process and, with WEB_CONCURRENCY, its workers (children running the same entry point). */
function serverProcesses(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("main.ts"))
        pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Peak memory (the sum of each process's peak: an upper bound) and CPU time of the server's processes. */
function processFigures(pid: number): { peakRssMb: number; cpuSeconds: number; processes: number } {
  const ticks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
  let peakKb = 0;
  let cpuTicks = 0;
  const pids = serverProcesses(pid);
  for (const each of pids) {
    const status = readFileSync(`/proc/${each}/status`, "utf8");
    peakKb += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const fields = readFileSync(`/proc/${each}/stat`, "utf8").split(") ")[1]!.split(" ");
    cpuTicks += Number(fields[11]) + Number(fields[12]);
  }
  return {
    peakRssMb: Math.round(peakKb / 1024),
    cpuSeconds: Number((cpuTicks / ticks).toFixed(1)),
    processes: pids.length,
  };
}

async function measure(
  engine: "postgres" | "pglite",
  prepared: Prepared,
  server: { url: string; pid: number },
  options: Options,
): Promise<Omit<EngineFigures, "cityMembers" | "cityTies" | "seedSeconds" | "offersCreated">> {
  // Each route alone first, for a few seconds, so that a slow one shows by name; then the mix, which is the figure.
  const mix = requestMix(prepared, options.revalidate);
  const routes: Record<string, number> = {};
  for (const [index, name] of ["arrivals", "trip", "agenda", "offers", "createOffer"].entries()) {
    const alone = await runLoad({
      url: server.url,
      connections: options.connections,
      durationSeconds: options.routeSeconds,
      requests: [mix[index]!],
      timeoutSeconds: 30,
    }).done;
    routes[name] = alone.latency.p99;
    console.log(
      `${engine}: ${name} alone: ${alone.total} requests, p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms`,
    );
  }
  const load = runLoad({
    url: server.url,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    requests: mix,
    timeoutSeconds: 30,
  });
  const result = await load.done;
  // Errors: any answer but a success or, to a browser's If-None-Match, 304 Not Modified.
  const non2xx: Record<string, number> = {};
  let notModified = 0;
  for (const response of result.responses) {
    if (response.status === 304) notModified += 1;
    else if (response.status >= 300) non2xx[response.status] = (non2xx[response.status] ?? 0) + 1;
  }
  const { peakRssMb, cpuSeconds, processes } = processFigures(server.pid);
  const errors = result.errors + Object.values(non2xx).reduce((sum, n) => sum + n, 0);
  return {
    engine,
    requests: result.total,
    requestsPerSecond: Math.round(result.requestsPerSecond),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors,
    non2xx,
    notModified,
    serverPeakRssMb: peakRssMb,
    serverCpuSeconds: cpuSeconds,
    serverProcesses: processes,
    p99MsAlone: routes,
    inMix: routePercentiles(result.responses),
    pass: result.latency.p99 < 200 && errors === 0 && peakRssMb < 1024,
  };
}

async function runEngine(engine: "postgres" | "pglite", options: Options): Promise<EngineFigures> {
  let databaseUrl: string | null = null;
  let dataDir: string | undefined;
  let cleanup: () => Promise<void>;
  let handle: DatabaseHandle;
  if (engine === "postgres") {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    const name = options.reuse ? "givefirst_bench_load" : `givefirst_bench_load_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
    if (!exists) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    cleanup = async () => {
      if (options.reuse) return;
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
    handle = await createDb({ engine: "postgres", url: databaseUrl, poolSize: 4, statementTimeoutMs: 600_000 });
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "givefirst-bench-load-"));
    const directory = dataDir;
    cleanup = async () => rmSync(directory, { recursive: true, force: true });
    // The server keeps PGlite in DATA_DIR/pglite (src/server/config.ts).
    handle = await createDb({ engine: "pglite", dataDir: join(dataDir, "pglite") });
  }
  try {
    console.log(`${engine}: loading ${options.membersPerCity} members a city…`);
    const prepared = await prepare(handle, options.membersPerCity, options.reuse && engine === "postgres");
    console.log(
      `${engine}: Miami has ${prepared.cityMembers} members and ${prepared.cityTies} ties (loaded in ${prepared.seedSeconds} s)`,
    );
    // PGlite's data directory is one process's: the bench lets go of it before the server opens it.
    if (engine === "pglite") await handle.close();
    const server = await startServerProcess({
      databaseUrl,
      ...(dataDir ? { dataDir } : {}),
      env: {
        LOG_LEVEL: options.logLevel,
        ...(engine === "postgres" ? { WEB_CONCURRENCY: String(options.webConcurrency) } : {}),
      },
      // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
      nodeArguments: (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
      startTimeoutMs: 300_000,
    });
    try {
      const processes = engine === "postgres" ? options.webConcurrency : 1;
      while ((server.output().match(/Givefirst is running at/g) ?? []).length < processes)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const figures = await measure(engine, prepared, { url: server.url, pid: server.child.pid! }, options);
      server.child.kill("SIGTERM");
      await server.exited;
      let offersCreated = 0;
      if (engine === "postgres") {
        offersCreated = Number(
          (
            await handle.executeSql(
              "select count(*) as n from offers where kind = 'coffee' and message like 'Happy to meet for a coffee near Brickell'",
            )
          ).rows[0]?.n ?? 0,
        );
      }
      const all = {
        ...figures,
        offersCreated,
        cityMembers: prepared.cityMembers,
        cityTies: prepared.cityTies,
        seedSeconds: prepared.seedSeconds,
      };
      for (const [route, figures] of Object.entries(all.inMix))
        console.log(
          `${engine}: ${route} in the mix: ${figures.requests} requests, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
        );
      console.log(
        `${engine}: ${all.requests} requests (${all.requestsPerSecond}/s) at ${options.connections} clients: p50 ${all.p50Ms} ms, p90 ${all.p90Ms} ms, p99 ${all.p99Ms} ms, max ${all.maxMs} ms; ${all.errors} errors ${JSON.stringify(all.non2xx)}, ${all.notModified} not modified; server peak RSS ${all.serverPeakRssMb} MB, CPU ${all.serverCpuSeconds} s → ${all.pass ? "pass" : "FAIL"}`,
      );
      return all;
    } finally {
      await server.kill();
    }
  } finally {
    if (engine === "postgres") await handle.close();
    await cleanup();
  }
}

export async function main(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const loadBefore = loadavg().map((value) => Number(value.toFixed(2)));
  console.log(
    `load average before: ${loadBefore.join(" ")} (${options.connections} clients, ${options.durationSeconds} s per engine)`,
  );
  const results: EngineFigures[] = [];
  for (const engine of options.engines) results.push(await runEngine(engine, options));
  const postgres = results.find((result) => result.engine === "postgres");
  console.log(
    JSON.stringify({
      bench: "load",
      membersPerCity: options.membersPerCity,
      webConcurrency: options.webConcurrency,
      revalidate: options.revalidate,
      logLevel: options.logLevel,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg().map((value) => Number(value.toFixed(2))),
      engines: results,
      pass: postgres?.pass ?? false,
    }),
  );
}
