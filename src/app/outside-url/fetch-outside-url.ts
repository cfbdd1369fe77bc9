/**
 * The one way to fetch a URL a user gave (a blog feed, a calendar): http(s) only, no credentials in the URL, the
 * host resolved here and every address checked (src/app/outside-url/check-address.ts), the connection made to the
 * checked address (a pinned `lookup`, so DNS cannot answer differently between the check and the connection), at
 * most 3 redirects each checked again, and bounds on the body's size and the total time.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import zlib from "node:zlib";
import { checkAddress } from "./check-address";

export type OutsideUrlFailure =
  | "invalid_url"
  | "scheme_not_allowed"
  | "credentials_in_url"
  | "address_not_allowed"
  | "host_not_found"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "network";

/** Why a fetch was refused or failed; `reason` is for logs and for the owner of the URL. */
export class OutsideUrlError extends Error {
  override name = "OutsideUrlError";
  constructor(
    readonly failure: OutsideUrlFailure,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface OutsideFetchOptions {
  /** Extra request headers (e.g. If-None-Match); Host, credentials and cookies are never sent from here. */
  headers?: Record<string, string>;
  /** Bytes of body, after decompression, beyond which the fetch fails (default 1 MiB). */
  maxBytes?: number;
  /** Milliseconds for the whole fetch, redirects included (default 10 s). */
  timeoutMs?: number;
  /** Redirects followed at most (default 3). */
  maxRedirects?: number;
  /** Resolves a host name to its addresses (default: the system resolver). */
  resolveHost?: (hostname: string) => Promise<ResolvedAddress[]>;
  /**
   * Test only: exact `address:port` endpoints let through although not public (the tests' servers on 127.0.0.1).
   * Production code never sets it; there is no environment variable for it.
   */
  allowPrivateEndpoints?: readonly string[];
}

export interface OutsideResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const systemResolver = async (hostname: string): Promise<ResolvedAddress[]> => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

/** Fetches a user-given URL with GET under the rules above; throws `OutsideUrlError` for any refusal or failure. */
export async function fetchOutsideUrl(rawUrl: string, options: OutsideFetchOptions = {}): Promise<OutsideResponse> {
  const maxRedirects = options.maxRedirects ?? 3;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let url = parseOutsideUrl(rawUrl);
  for (let redirects = 0; ; redirects++) {
    const target = await resolveTarget(url, options);
    const response = await requestOnce(url, target, options, deadline);
    const location = response.headers.location;
    if (!redirectStatuses.has(response.status) || !location) return response;
    if (redirects >= maxRedirects) {
      throw new OutsideUrlError("too_many_redirects", `more than ${maxRedirects} redirects`);
    }
    let next: string;
    try {
      next = new URL(location, url).toString();
    } catch {
      throw new OutsideUrlError("invalid_url", "a redirect to an invalid URL");
    }
    url = parseOutsideUrl(next);
  }
}

/** Parses and checks the form of a URL: http(s) and no user name or password. */
export function parseOutsideUrl(rawUrl: string): URL {
  let url: URL;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    throw new OutsideUrlError("invalid_url", "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutsideUrlError("scheme_not_allowed", `the scheme ${url.protocol} is not allowed; use http or https`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new OutsideUrlError("credentials_in_url", "a URL with a user name or password is not allowed");
  }
  if (url.hostname === "") throw new OutsideUrlError("invalid_url", "the URL has no host");
  return url;
}

/** The address to connect to: the host itself when it is an IP address, else its resolved addresses, all checked. */
async function resolveTarget(url: URL, options: OutsideFetchOptions): Promise<ResolvedAddress> {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const port = url.port !== "" ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  let addresses: ResolvedAddress[];
  const family = isIP(host);
  if (family !== 0) {
    addresses = [{ address: host, family: family === 6 ? 6 : 4 }];
  } else if (/(^|\.)localhost\.?$/i.test(host)) {
    // RFC 6761: localhost and its subdomains are loopback, whatever a resolver says.
    throw new OutsideUrlError("address_not_allowed", `${host} is a loopback name, which is not allowed`);
  } else {
    try {
      addresses = await (options.resolveHost ?? systemResolver)(host.replace(/\.$/, ""));
    } catch {
      throw new OutsideUrlError("host_not_found", `the host ${host} could not be resolved`);
    }
    if (addresses.length === 0) throw new OutsideUrlError("host_not_found", `the host ${host} has no address`);
  }
  // Every address must pass: a name that resolves to one public and one private address is refused.
  for (const candidate of addresses) {
    const endpoint = candidate.family === 6 ? `[${candidate.address}]:${port}` : `${candidate.address}:${port}`;
    if (options.allowPrivateEndpoints?.includes(endpoint)) continue;
    const verdict = checkAddress(candidate.address);
    if (!verdict.allowed) {
      throw new OutsideUrlError("address_not_allowed", `${host} is ${verdict.reason}, which is not allowed`);
    }
  }
  return addresses[0]!;
}

/** The caller's headers without those that carry identity or pick the host: those are never ours to send. */
function safeHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const forbidden = new Set(["host", "cookie", "authorization", "proxy-authorization"]);
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !forbidden.has(name.toLowerCase())));
}

function requestOnce(
  url: URL,
  target: ResolvedAddress,
  options: OutsideFetchOptions,
  deadline: number,
): Promise<OutsideResponse> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new OutsideUrlError("timeout", "the fetch took too long"));
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  // The connection goes to the address checked above, whatever DNS would say now.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) {
      (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, [target]);
    } else {
      callback(null, target.address, target.family);
    }
  };
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<OutsideResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: OutsideUrlError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const request = transport.request(url, {
      method: "GET",
      lookup: pinned,
      agent: false,
      headers: {
        "user-agent": "Givefirst/0.1 (feed reader)",
        "accept-encoding": "gzip, deflate, br",
        ...safeHeaders(options.headers),
      },
    });
    const timer = setTimeout(() => fail(new OutsideUrlError("timeout", "the fetch took too long")), remaining);
    request.on("error", (error) => fail(new OutsideUrlError("network", `could not fetch: ${error.message}`)));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      // A redirect's or a 304's body is of no use: do not read it.
      if (redirectStatuses.has(status) || status === 304) {
        settled = true;
        clearTimeout(timer);
        response.resume();
        request.destroy();
        resolve({ status, url: url.toString(), headers, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(headers["content-length"] ?? "0");
      if (declared > maxBytes) {
        fail(new OutsideUrlError("too_large", `the body is over ${maxBytes} bytes`));
        return;
      }
      const encoding = (headers["content-encoding"] ?? "").toLowerCase();
      const decoded =
        encoding === "gzip" || encoding === "x-gzip"
          ? response.pipe(zlib.createGunzip())
          : encoding === "deflate"
            ? response.pipe(zlib.createInflate())
            : encoding === "br"
              ? response.pipe(zlib.createBrotliDecompress())
              : response;
      const chunks: Buffer[] = [];
      let size = 0;
      decoded.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // Counted after decompression, so that a small compressed bomb is stopped too.
        if (size > maxBytes) fail(new OutsideUrlError("too_large", `the body is over ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      decoded.on("error", (error) => fail(new OutsideUrlError("network", `could not read the body: ${error.message}`)));
      response.on("aborted", () => fail(new OutsideUrlError("network", "the connection closed early")));
      decoded.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, url: url.toString(), headers, body: Buffer.concat(chunks) });
      });
    });
    request.end();
  });
}
