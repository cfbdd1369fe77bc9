/**
 * The directory of a city's members: full-text search in English and French over the same expressions as the GIN
 * indexes, trigram matching on names (typos), filters by sector and tag. Blocks hide both ways; suspended members
 * never appear. Nothing here reads trips.
 */
import { and, arrayContains, asc, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../create-db";
import { blocks, members } from "../schema/people";

export interface DirectoryQuery {
  cityId: number;
  viewerId: number;
  text?: string;
  sector?: string;
  tag?: string;
  offset: number;
  limit: number;
}

export interface DirectoryRow {
  id: number;
  name: string;
  headline: string;
  sectors: string[];
  tags: string[];
  languages: string[];
  gives: string;
  seeks: string;
  isDemo: boolean;
}

// The exact expressions of members_search_en_idx and members_search_fr_idx, so that the planner uses them.
const document = sql`${members.name} || ' ' || ${members.headline} || ' ' || ${members.bio} || ' ' || ${members.gives} || ' ' || ${members.seeks}`;
const englishVector = sql`to_tsvector('english'::regconfig, ${document})`;
const frenchVector = sql`to_tsvector('french'::regconfig, ${document})`;

/** One page of the directory, best match first when there is text, otherwise by name. */
export async function searchDirectory(db: Database, query: DirectoryQuery): Promise<DirectoryRow[]> {
  const conditions: (SQL | undefined)[] = [
    or(eq(members.homeCityId, query.cityId), eq(members.currentCityId, query.cityId)),
    isNull(members.suspendedAt),
    sql`not exists (select 1 from ${blocks} where (${blocks.blockerId} = ${query.viewerId} and ${blocks.blockedId} = ${members.id}) or (${blocks.blockerId} = ${members.id} and ${blocks.blockedId} = ${query.viewerId}))`,
    query.sector ? arrayContains(members.sectors, [query.sector]) : undefined,
    query.tag ? arrayContains(members.tags, [query.tag]) : undefined,
  ];
  let order: SQL[] = [asc(members.name), asc(members.id)];
  if (query.text) {
    const english = sql`websearch_to_tsquery('english'::regconfig, ${query.text})`;
    const french = sql`websearch_to_tsquery('french'::regconfig, ${query.text})`;
    conditions.push(
      sql`(${englishVector} @@ ${english} or ${frenchVector} @@ ${french} or ${members.name} % ${query.text} or ${query.text} <% ${members.name})`,
    );
    order = [
      desc(
        sql`greatest(ts_rank(${englishVector}, ${english}), ts_rank(${frenchVector}, ${french}), similarity(${members.name}, ${query.text}), word_similarity(${query.text}, ${members.name}))`,
      ),
      asc(members.id),
    ];
  }
  return db
    .select({
      id: members.id,
      name: members.name,
      headline: members.headline,
      sectors: members.sectors,
      tags: members.tags,
      languages: members.languages,
      gives: members.gives,
      seeks: members.seeks,
      isDemo: members.isDemo,
    })
    .from(members)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);
}
