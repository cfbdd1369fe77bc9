/**
 * autocannon (a dev dependency without type declarations) behind a small typed function: runs a load of HTTP
 * requests and reports every response's status and time, so that a test may line them up with the faults it causes.
 */
import { createRequire } from "node:module";

export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Called before each send of this request: returns the request to send (another path, body or cookie). `context`
   * is the connection's own object, kept from one request to the next.
   */
  setupRequest?: (request: LoadRequest, context: Record<string, unknown>) => LoadRequest;
  /** Called with each response to this request (autocannon then reads its body): its status, body and headers. */
  onResponse?: (
    status: number,
    body: string,
    context: Record<string, unknown>,
    headers: Record<string, string>,
  ) => void;
}

export interface LoadResponse {
  status: number;
  /** The `route` its request's setupRequest wrote in the connection's context, if any. */
  route?: string;
  /** Milliseconds since the epoch at which the response ended. */
  at: number;
  ms: number;
}

export interface LoadResult {
  responses: LoadResponse[];
  /** Connection errors and timeouts (no HTTP answer at all). */
  errors: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  requestsPerSecond: number;
  total: number;
}

interface AutocannonInstance {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: "reqError", listener: (error: Error) => void): void;
  stop(): void;
}
interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  requests: { average: number };
  errors: number;
  timeouts: number;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/**
 * Runs `connections` clients cycling through `requests` for `durationSeconds` (or until `stop()` is called); each
 * request's `path` may differ per request.
 */
export function runLoad(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  requests: LoadRequest[];
  headers?: Record<string, string>;
  timeoutSeconds?: number;
}): { done: Promise<LoadResult>; stop(): void } {
  const responses: LoadResponse[] = [];
  let instance: AutocannonInstance | undefined;
  const done = new Promise<LoadResult>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: options.timeoutSeconds ?? 10,
        headers: options.headers ?? {},
        requests: options.requests,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          responses,
          errors: result.errors + result.timeouts,
          latency: result.latency,
          requestsPerSecond: result.requests.average,
          total: responses.length,
        });
      },
    );
    instance.on("response", (client, status, _bytes, ms) => {
      // Emitted before the connection's next setupRequest: its context still names the request that ended.
      const route = (client as { requestIterator?: { context?: { route?: unknown } } }).requestIterator?.context?.route;
      responses.push({ status, at: Date.now(), ms, ...(typeof route === "string" ? { route } : {}) });
    });
  });
  return { done, stop: () => instance?.stop() };
}
