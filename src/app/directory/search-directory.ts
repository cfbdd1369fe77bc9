/** Search the members of a city: by name (typos forgiven), by words in English or French, by sector and tag. */
import { findCityBySlug } from "../../db/repositories/cities.repository";
import { searchDirectory as searchDirectoryRows, type DirectoryRow } from "../../db/repositories/directory.repository";
import { invalid, notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";

export interface DirectoryPage {
  members: DirectoryRow[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

const maxOffset = 10_000;

/** One page of a city's directory, never showing members in a block with the viewer. */
export async function searchDirectory(
  context: AppContext,
  options: {
    viewer: ViewerInfo;
    citySlug: string;
    text?: string;
    sector?: string;
    tag?: string;
    cursor?: string;
    limit: number;
  },
): Promise<DirectoryPage> {
  const city = await findCityBySlug(context.db, options.citySlug);
  if (!city) throw notFound("City");
  const offset = options.cursor === undefined ? 0 : decodeCursor(options.cursor);
  const rows = await searchDirectoryRows(context.db, {
    cityId: city.id,
    viewerId: options.viewer.memberId,
    ...(options.text ? { text: options.text } : {}),
    ...(options.sector ? { sector: options.sector } : {}),
    ...(options.tag ? { tag: options.tag } : {}),
    offset,
    limit: options.limit + 1,
  });
  const hasMore = rows.length > options.limit && offset + options.limit < maxOffset;
  return { members: rows.slice(0, options.limit), nextCursor: hasMore ? encodeCursor(offset + options.limit) : null };
}

// An opaque cursor: the offset of the next page (the order of a text search is by score, which has no keyset).
function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.o <= maxOffset)
      return parsed.o;
  } catch {
    // fall through
  }
  throw invalid("cursor", "cursor: not a cursor this server gave");
}
