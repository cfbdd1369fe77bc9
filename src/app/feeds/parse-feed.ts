/**
 * Reads a blog or publication feed (RSS 2.0, Atom, JSON Feed) into a title and plain-text posts. Markup is never
 * kept: titles and summaries go through `toPlainText`, links must be http(s). A document that is none of the three,
 * or not well formed, is a `FeedFormatError`.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { toPlainText } from "./plain-text";

export interface ParsedPost {
  guid: string;
  title: string;
  url: string | null;
  summary: string;
  publishedAt: Date | null;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "json";
  title: string | null;
  posts: ParsedPost[];
}

export class FeedFormatError extends Error {
  override name = "FeedFormatError";
}

/** Posts kept from one fetch; a feed lists its newest first, and the profile shows a few. */
export const maxPostsPerFeed = 20;
const maxTitle = 300;
const maxSummary = 500;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

/** Parses a fetched body by its content, whatever the Content-Type said. */
export function parseFeed(body: string): ParsedFeed {
  const text = body.replace(/^\uFEFF/, "").trim();
  if (text.startsWith("{")) return parseJsonFeed(text);
  if (!text.startsWith("<")) throw new FeedFormatError("not a feed: neither XML nor JSON");
  // Entity declarations are how XML bombs work; feeds have no use for them.
  if (/<!ENTITY/i.test(text)) throw new FeedFormatError("XML entity declarations are not accepted");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new FeedFormatError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  const document = xml.parse(text) as Record<string, unknown>;
  const rss = record(document.rss);
  if (rss) return parseRss(record(rss.channel) ?? {});
  const atom = record(document.feed);
  if (atom) return parseAtom(atom);
  throw new FeedFormatError("not an RSS 2.0, Atom or JSON Feed document");
}

function parseRss(channel: Record<string, unknown>): ParsedFeed {
  const posts = list(channel.item).map((value, index): ParsedPost | null => {
    const item = record(value) ?? {};
    const url = webUrl(textOf(first(item.link)));
    const title = toPlainText(textOf(item.title), maxTitle);
    const body = textOf(item.description) || textOf(item["content:encoded"]);
    const guid = textOf(item.guid) || url || (title ? `title:${title}` : `item:${index}`);
    if (!title && !body) return null;
    return {
      guid: guid.slice(0, 500),
      title: title || toPlainText(body, 80),
      url,
      summary: toPlainText(body, maxSummary),
      publishedAt: date(textOf(item.pubDate) || textOf(item["dc:date"])),
    };
  });
  return { format: "rss", title: toPlainText(textOf(channel.title), maxTitle) || null, posts: keep(posts) };
}

function parseAtom(feed: Record<string, unknown>): ParsedFeed {
  const posts = list(feed.entry).map((value, index): ParsedPost | null => {
    const entry = record(value) ?? {};
    const links = list(entry.link).map((link) => record(link) ?? {});
    const alternate = links.find((link) => !link["@_rel"] || link["@_rel"] === "alternate") ?? links[0];
    const url = webUrl(textOf(alternate?.["@_href"]));
    const title = toPlainText(textOf(entry.title), maxTitle);
    const body = textOf(entry.summary) || textOf(entry.content);
    if (!title && !body) return null;
    return {
      guid: (textOf(entry.id) || url || `entry:${index}`).slice(0, 500),
      title: title || toPlainText(body, 80),
      url,
      summary: toPlainText(body, maxSummary),
      publishedAt: date(textOf(entry.published) || textOf(entry.updated)),
    };
  });
  return { format: "atom", title: toPlainText(textOf(feed.title), maxTitle) || null, posts: keep(posts) };
}

function parseJsonFeed(text: string): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new FeedFormatError("malformed JSON");
  }
  const feed = record(document);
  if (!feed || typeof feed.version !== "string" || !feed.version.startsWith("https://jsonfeed.org/version/")) {
    throw new FeedFormatError("not a JSON Feed (no jsonfeed.org version)");
  }
  if (!Array.isArray(feed.items)) throw new FeedFormatError("a JSON Feed needs an items list");
  const posts = feed.items.map((value, index): ParsedPost | null => {
    const item = record(value) ?? {};
    const url = webUrl(textOf(item.url));
    const title = toPlainText(textOf(item.title), maxTitle);
    const body = textOf(item.summary) || textOf(item.content_text) || textOf(item.content_html);
    if (!title && !body) return null;
    return {
      guid: (textOf(item.id) || url || `item:${index}`).slice(0, 500),
      title: title || toPlainText(body, 80),
      url,
      summary: toPlainText(body, maxSummary),
      publishedAt: date(textOf(item.date_published) || textOf(item.date_modified)),
    };
  });
  return { format: "json", title: toPlainText(textOf(feed.title), maxTitle) || null, posts: keep(posts) };
}

function keep(posts: (ParsedPost | null)[]): ParsedPost[] {
  const seen = new Set<string>();
  const kept: ParsedPost[] = [];
  for (const post of posts) {
    if (!post || seen.has(post.guid)) continue;
    seen.add(post.guid);
    kept.push(post);
  }
  // Newest first; posts without a date keep their place after the dated ones.
  kept.sort((a, b) => (b.publishedAt?.getTime() ?? -Infinity) - (a.publishedAt?.getTime() ?? -Infinity));
  return kept.slice(0, maxPostsPerFeed);
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** The text of a node that may be a string, a number or an element with attributes. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  const node = record(value);
  if (node && "#text" in node) return textOf(node["#text"]);
  return "";
}

function webUrl(value: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.username === "" && url.password === ""
      ? url.toString().slice(0, 1000)
      : null;
  } catch {
    return null;
  }
}

function date(value: string): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time) : null;
}
