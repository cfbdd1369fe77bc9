/**
 * Outside URLs (#8 item 6): URLs a user gives are fetched only from public addresses. Trap listeners on 127.0.0.1
 * (and ::1 when the machine has it) count every connection; more than 40 URL forms that name them, directly,
 * through odd spellings, names or redirects, must be refused before any connection: 0 connections reach them.
 */
import { lookup } from "node:dns/promises";
import { once } from "node:events";
import http from "node:http";
import net from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fetchOutsideUrl,
  OutsideUrlError,
  type OutsideUrlFailure,
  type ResolvedAddress,
} from "../../src/app/outside-url/fetch-outside-url";

interface Trap {
  port: number;
  connections: number;
  close(): Promise<void>;
}

/** A TCP listener that counts connections (and answers like a web server, in case anything got through). */
async function startTrap(host: string, port = 0): Promise<Trap | null> {
  const trap = { port: 0, connections: 0 } as Trap;
  const server = net.createServer((socket) => {
    trap.connections++;
    socket.end("HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\nsecret");
  });
  try {
    server.listen(port, host);
    await once(server, "listening");
  } catch {
    return null;
  }
  trap.port = (server.address() as net.AddressInfo).port;
  trap.close = () => new Promise((resolve) => server.close(() => resolve()));
  return trap;
}

/** An HTTP server on 127.0.0.1 that the tests allow explicitly: it stands for a public site. */
async function startSite(handler: http.RequestListener) {
  const server = http.createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    endpoint: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const refusals: OutsideUrlFailure[] = [
  "invalid_url",
  "scheme_not_allowed",
  "credentials_in_url",
  "address_not_allowed",
  "too_many_redirects",
];

async function failureOf(promise: Promise<unknown>): Promise<OutsideUrlFailure | "fetched"> {
  try {
    await promise;
    return "fetched";
  } catch (error) {
    if (error instanceof OutsideUrlError) return error.failure;
    throw error;
  }
}

describe("fetching user-given URLs", () => {
  let trap: Trap;
  let trap6: Trap | null;
  let site: Awaited<ReturnType<typeof startSite>>;
  /** Where the site redirects `/to?u=…`; `/hops/n` redirects n times then answers. */
  beforeAll(async () => {
    trap = (await startTrap("127.0.0.1"))!;
    trap6 = await startTrap("::1", trap.port);
    site = await startSite((request, response) => {
      const url = new URL(request.url ?? "/", "http://site");
      if (url.pathname === "/to") {
        response.writeHead(Number(url.searchParams.get("status") ?? 302), { location: url.searchParams.get("u")! });
        response.end();
      } else if (url.pathname.startsWith("/hops/")) {
        const left = Number(url.pathname.slice("/hops/".length));
        if (left > 0) response.writeHead(302, { location: `/hops/${left - 1}` }).end();
        else response.end("arrived");
      } else if (url.pathname === "/big") {
        response.end("x".repeat(300_000));
      } else if (url.pathname === "/big-chunked") {
        response.writeHead(200, { "content-type": "text/plain" });
        for (let i = 0; i < 300; i++) response.write("y".repeat(1000));
        response.end();
      } else if (url.pathname === "/bomb") {
        response.writeHead(200, { "content-encoding": "gzip" });
        response.end(zlib.gzipSync(Buffer.alloc(20_000_000)));
      } else if (url.pathname === "/slow") {
        response.writeHead(200);
        response.write("a");
        setTimeout(() => response.end("b"), 3000).unref();
      } else {
        response.end("hello");
      }
    });
  });
  afterAll(async () => {
    await trap.close();
    await trap6?.close();
    await site.close();
  });

  /** A test resolver (no DNS server runs here): these names point at the traps. */
  const names: Record<string, ResolvedAddress[]> = {
    "feeds.example": [{ address: "127.0.0.1", family: 4 }],
    "mixed.example": [
      { address: "93.184.216.34", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ],
    "mapped.example": [{ address: "::ffff:127.0.0.1", family: 6 }],
    "six.example": [{ address: "::1", family: 6 }],
    "metadata.example": [{ address: "169.254.169.254", family: 4 }],
    "private.example": [{ address: "10.1.2.3", family: 4 }],
  };
  const resolveHost = async (host: string): Promise<ResolvedAddress[]> => {
    const found = names[host.toLowerCase()];
    if (found) return found;
    const real = await lookup(host, { all: true });
    return real.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
  };

  it("refuses every form that points at a local, private or metadata address, with 0 connections", async () => {
    const p = trap.port;
    const forms = [
      `http://127.0.0.1:${p}/`,
      `https://127.0.0.1:${p}/`,
      `http://127.0.0.2:${p}/`,
      `http://127.255.255.254:${p}/`,
      `http://2130706433:${p}/`,
      `http://0x7f000001:${p}/`,
      `http://0x7f.0x0.0x0.0x1:${p}/`,
      `http://0177.0.0.1:${p}/`,
      `http://0177.0000.0000.0001:${p}/`,
      `http://127.000.000.001:${p}/`,
      `http://127.1:${p}/`,
      `http://127.0.1:${p}/`,
      `http://0:${p}/`,
      `http://0.0.0.0:${p}/`,
      `http://[::]:${p}/`,
      `http://[::1]:${p}/`,
      `http://[0:0:0:0:0:0:0:1]:${p}/`,
      `http://[::ffff:127.0.0.1]:${p}/`,
      `http://[::ffff:7f00:1]:${p}/`,
      `http://[0:0:0:0:0:ffff:127.0.0.1]:${p}/`,
      `http://[::127.0.0.1]:${p}/`,
      `http://[64:ff9b::127.0.0.1]:${p}/`,
      `http://[2002:7f00:1::1]:${p}/`,
      `http://localhost:${p}/`,
      `http://LOCALHOST:${p}/`,
      `http://localhost.:${p}/`,
      `http://feeds.localhost:${p}/`,
      `http://127.0.0.1.:${p}/`,
      `http://127\u30020\u30020\u30021:${p}/`,
      `http://127\uff0e0\uff0e0\uff0e1:${p}/`,
      `http://127\uff610\uff610\uff611:${p}/`,
      `http://\u2460\u2461\u2466.0.0.1:${p}/`,
      `http://a@127.0.0.1:${p}/`,
      `http://a:b@127.0.0.1:${p}/`,
      `http://public.example@127.0.0.1:${p}/`,
      `http://127.0.0.1:${p}#@public.example/`,
      `http://127.0.0.1:${p}\\@public.example/`,
      `HTTP://127.0.0.1:${p}/`,
      `  http://127.0.0.1:${p}/  `,
      `http://feeds.example:${p}/`,
      `http://FEEDS.example.:${p}/`,
      `http://mixed.example:${p}/`,
      `http://mapped.example:${p}/`,
      `http://six.example:${p}/`,
      `http://metadata.example/latest/meta-data/`,
      `http://private.example:${p}/`,
      `http://169.254.169.254/latest/meta-data/`,
      `http://[fd00:ec2::254]/latest/meta-data/`,
      `http://100.100.100.200/latest/meta-data/`,
      `http://10.0.0.1:${p}/`,
      `http://172.16.5.4:${p}/`,
      `http://192.168.1.1:${p}/`,
      `http://100.64.0.1:${p}/`,
      `http://224.0.0.1:${p}/`,
      `http://255.255.255.255:${p}/`,
      `http://192.0.2.1:${p}/`,
      `http://[fe80::1]:${p}/`,
      `http://[fc00::1]:${p}/`,
      `http://[ff02::1]:${p}/`,
      `ftp://127.0.0.1:${p}/`,
      `gopher://127.0.0.1:${p}/_GET`,
      `file:///etc/passwd`,
      `javascript:alert(1)`,
      `data:text/plain,hello`,
      `http://`,
      `not a url`,
      // Redirects from a site that is allowed, to the traps.
      `${site.url}/to?u=${encodeURIComponent(`http://127.0.0.1:${p}/`)}`,
      `${site.url}/to?status=301&u=${encodeURIComponent(`http://localhost:${p}/`)}`,
      `${site.url}/to?status=307&u=${encodeURIComponent(`http://[::1]:${p}/`)}`,
      `${site.url}/to?status=308&u=${encodeURIComponent(`http://2130706433:${p}/`)}`,
      `${site.url}/to?status=303&u=${encodeURIComponent(`http://feeds.example:${p}/`)}`,
      `${site.url}/to?u=${encodeURIComponent(`//127.0.0.1:${p}/`)}`,
      `${site.url}/to?u=${encodeURIComponent(`http://a@127.0.0.1:${p}/`)}`,
      `${site.url}/to?u=${encodeURIComponent(`http://169.254.169.254/latest/meta-data/`)}`,
      `${site.url}/to?u=${encodeURIComponent(`file:///etc/passwd`)}`,
    ];
    expect(forms.length).toBeGreaterThanOrEqual(40);
    const failures: Record<string, string> = {};
    for (const form of forms) {
      failures[form] = await failureOf(
        fetchOutsideUrl(form, { resolveHost, allowPrivateEndpoints: [site.endpoint], timeoutMs: 5000 }),
      );
    }
    const notRefused = Object.entries(failures).filter(([, failure]) => !refusals.includes(failure as never));
    expect(notRefused).toEqual([]);
    expect(trap.connections).toBe(0);
    expect(trap6?.connections ?? 0).toBe(0);
  });

  it("names the reason: scheme, credentials, address", async () => {
    expect(await failureOf(fetchOutsideUrl("file:///etc/passwd"))).toBe("scheme_not_allowed");
    expect(await failureOf(fetchOutsideUrl(`http://user:pw@${site.endpoint}/`))).toBe("credentials_in_url");
    expect(await failureOf(fetchOutsideUrl(`http://127.0.0.1:${trap.port}/`))).toBe("address_not_allowed");
    expect(trap.connections).toBe(0);
  });

  it("fetches an allowed endpoint and follows up to 3 redirects, refusing a 4th", async () => {
    const allow = { allowPrivateEndpoints: [site.endpoint] };
    const plain = await fetchOutsideUrl(`${site.url}/hello`, allow);
    expect(plain.status).toBe(200);
    expect(plain.body.toString()).toBe("hello");

    const three = await fetchOutsideUrl(`${site.url}/hops/3`, allow);
    expect(three.body.toString()).toBe("arrived");
    expect(three.url).toBe(`${site.url}/hops/0`);
    expect(await failureOf(fetchOutsideUrl(`${site.url}/hops/4`, allow))).toBe("too_many_redirects");
    // Allowing one endpoint does not allow another port of the same address.
    expect(await failureOf(fetchOutsideUrl(`http://127.0.0.1:${trap.port}/`, allow))).toBe("address_not_allowed");
    expect(trap.connections).toBe(0);
  });

  it("bounds the body (declared, streamed and decompressed) and the total time", async () => {
    const allow = { allowPrivateEndpoints: [site.endpoint], maxBytes: 100_000 };
    expect(await failureOf(fetchOutsideUrl(`${site.url}/big`, allow))).toBe("too_large");
    expect(await failureOf(fetchOutsideUrl(`${site.url}/big-chunked`, allow))).toBe("too_large");
    expect(await failureOf(fetchOutsideUrl(`${site.url}/bomb`, allow))).toBe("too_large");
    const started = Date.now();
    expect(await failureOf(fetchOutsideUrl(`${site.url}/slow`, { ...allow, timeoutMs: 500 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2500);
  });
});
