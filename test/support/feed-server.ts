/**
 * A feed server on 127.0.0.1 for the feed tests: serves the fixtures of test/fixtures/feeds with an ETag and a
 * Last-Modified and answers 304 to a matching conditional request; `/redirect/N/<path>` redirects N times before
 * serving <path>; `/oversized.xml` sends more than any feed limit; `/slow.xml` never finishes; `/status/N` answers N.
 * Every request is recorded, so that tests can check what the fetcher sent and how often.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const feedFixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "feeds");

export interface RecordedRequest {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
}

export interface FeedServer {
  /** The base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The `address:port` to pass as the fetcher's test-only `allowPrivateEndpoints`. */
  endpoint: string;
  requests: RecordedRequest[];
  /** Replaces what a path serves (a new post), which changes its ETag and Last-Modified. */
  serve(path: string, body: string | Buffer, contentType?: string): void;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  ".xml": "application/rss+xml; charset=utf-8",
  ".json": "application/feed+json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

export async function startFeedServer(): Promise<FeedServer> {
  const served = new Map<string, { body: string | Buffer; contentType: string; etag: string; lastModified: string }>();
  let version = 0;
  const serve = (path: string, body: string | Buffer, contentType?: string) => {
    version++;
    served.set(path, {
      body,
      contentType: contentType ?? contentTypes[path.slice(path.lastIndexOf("."))] ?? "text/plain",
      etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`,
      // Each change is a second later than the last, so If-Modified-Since compares strictly.
      lastModified: new Date(Date.UTC(2026, 10, 1, 0, 0, version)).toUTCString(),
    });
  };
  for (const name of [
    "rss2.xml",
    "atom.xml",
    "feed.json",
    "malformed.xml",
    "entity-bomb.xml",
    "not-a-feed.html",
    "malformed.json",
    "wrong-version.json",
  ]) {
    serve(`/${name}`, readFileSync(join(feedFixtures, name), "utf8"));
  }
  // Bytes as they are, with no charset in the Content-Type: the XML declaration names ISO-8859-1.
  serve("/latin1.xml", readFileSync(join(feedFixtures, "latin1.xml")), "application/rss+xml");

  const requests: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://feeds").pathname;
    const record = (status: number) =>
      requests.push({
        path,
        status,
        ...(request.headers["if-none-match"] ? { ifNoneMatch: String(request.headers["if-none-match"]) } : {}),
        ...(request.headers["if-modified-since"]
          ? { ifModifiedSince: String(request.headers["if-modified-since"]) }
          : {}),
      });
    const redirect = /^\/redirect\/(\d+)(\/.*)$/.exec(path);
    if (redirect) {
      const left = Number(redirect[1]);
      const location = left > 1 ? `/redirect/${left - 1}${redirect[2]}` : redirect[2]!;
      record(302);
      response.writeHead(302, { location }).end();
      return;
    }
    const status = /^\/status\/(\d{3})$/.exec(path);
    if (status) {
      record(Number(status[1]));
      response.writeHead(Number(status[1])).end("no feed here");
      return;
    }
    if (path === "/oversized.xml") {
      record(200);
      response.writeHead(200, { "content-type": "application/rss+xml" });
      response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
      const item = `<item><title>${"x".repeat(1000)}</title></item>`;
      for (let i = 0; i < 3000; i++) response.write(item);
      response.end("</channel></rss>");
      return;
    }
    if (path === "/slow.xml") {
      record(200);
      response.writeHead(200, { "content-type": "application/rss+xml" });
      response.write('<?xml version="1.0"?>');
      return; // never ends; the fetcher's time limit must cut it
    }
    const entry = served.get(path);
    if (!entry) {
      record(404);
      response.writeHead(404).end("not found");
      return;
    }
    const ifNoneMatch = request.headers["if-none-match"];
    const ifModifiedSince = request.headers["if-modified-since"];
    const notModified =
      ifNoneMatch !== undefined
        ? ifNoneMatch === entry.etag
        : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(entry.lastModified);
    if (notModified) {
      record(304);
      response.writeHead(304, { etag: entry.etag, "last-modified": entry.lastModified }).end();
      return;
    }
    record(200);
    response
      .writeHead(200, { "content-type": entry.contentType, etag: entry.etag, "last-modified": entry.lastModified })
      .end(entry.body);
  });
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    endpoint: `127.0.0.1:${port}`,
    requests,
    serve,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
