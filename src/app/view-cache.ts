/**
 * Views that pages poll (a trip's offers, its agenda) as the JSON text they are sent as, under a key that names
 * everything they are made of: the trip's revision (which the database raises with every change they show), the
 * viewer, and this server's release. The key is the response's ETag: a page whose copy still holds gets 304 Not
 * Modified, and another one gets the text without the offers being read and serialized again. Bounded in bytes,
 * least recently used first out. Each process keeps its own; the keys come from the database, so two processes never
 * answer differently.
 */
import { LRUCache } from "lru-cache";

export interface ViewCache {
  get(key: string): string | undefined;
  set(key: string, json: string): void;
}

/** 32 MB: some 250 views of trips with 250 offers each. */
const defaultMaxBytes = 32 * 1024 * 1024;

export function createViewCache(maxBytes = defaultMaxBytes): ViewCache {
  const cache = new LRUCache<string, string>({
    maxSize: maxBytes,
    // Characters, about bytes for this mostly ASCII text; a view larger than the whole cache is not kept.
    sizeCalculation: (json) => Math.max(1, json.length),
  });
  return {
    get: (key) => cache.get(key),
    set: (key, json) => {
      cache.set(key, json);
    },
  };
}

/** A polled view: its JSON text, or that the client's copy (its `If-None-Match`) still holds. */
export type PolledView = { etag: string; json: string } | { etag: string; notModified: true };

/** A weak ETag of these parts (no quotes or commas in them: ids, revisions, the release). */
export function viewEtag(...parts: (string | number | boolean)[]): string {
  return `W/"${parts.join("-")}"`;
}

/** Whether an `If-None-Match` header names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/**
 * The view under `etag`: not modified when the client has it, else from the cache, else built by `build` (after the
 * caller read what the key is made of, so that a cached text is never older than its key) and kept.
 */
export async function polledView(
  cache: ViewCache,
  etag: string,
  ifNoneMatch: string | undefined,
  build: () => Promise<string>,
): Promise<PolledView> {
  if (etagMatches(ifNoneMatch, etag)) return { etag, notModified: true };
  const cached = cache.get(etag);
  if (cached !== undefined) return { etag, json: cached };
  const json = await build();
  cache.set(etag, json);
  return { etag, json };
}
