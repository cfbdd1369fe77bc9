import { describe, expect, it } from "vitest";
import { createViewCache, etagMatches, polledView, viewEtag } from "./view-cache";

describe("view cache", () => {
  it("compares ETags weakly, in lists and with *", () => {
    const etag = viewEtag("offers", 12, 3, 7, "r1");
    expect(etag).toBe('W/"offers-12-3-7-r1"');
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches('"offers-12-3-7-r1"', etag)).toBe(true);
    expect(etagMatches(`W/"other", ${etag}`, etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
    expect(etagMatches(undefined, etag)).toBe(false);
    expect(etagMatches("", etag)).toBe(false);
    expect(etagMatches('W/"offers-12-3-8-r1"', etag)).toBe(false);
    expect(etagMatches('W/"offers-12-3-7-r1-x"', etag)).toBe(false);
  });

  it("builds a view once, answers it again from the cache, and not modified to the copy's holder", async () => {
    const cache = createViewCache();
    let builds = 0;
    const build = async () => `{"n":${++builds}}`;
    expect(await polledView(cache, 'W/"a"', undefined, build)).toEqual({ etag: 'W/"a"', json: '{"n":1}' });
    expect(await polledView(cache, 'W/"a"', 'W/"old"', build)).toEqual({ etag: 'W/"a"', json: '{"n":1}' });
    expect(await polledView(cache, 'W/"a"', 'W/"a"', build)).toEqual({ etag: 'W/"a"', notModified: true });
    expect(await polledView(cache, 'W/"b"', undefined, build)).toEqual({ etag: 'W/"b"', json: '{"n":2}' });
    expect(builds).toBe(2);
  });

  it("keeps at most its size in characters, dropping the least recently used", () => {
    const cache = createViewCache(10);
    cache.set("a", "12345");
    cache.set("b", "12345");
    expect(cache.get("a")).toBe("12345");
    cache.set("c", "12345");
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("12345");
    cache.set("huge", "x".repeat(11));
    expect(cache.get("huge")).toBeUndefined();
  });
});
