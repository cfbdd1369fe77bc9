/**
 * Everything linked to me as one JSON document (GDPR art. 15 and 20): my profile and account, and every row of every
 * table that points at me, found from the schema's foreign keys. Left out: secrets (calendar feed hashes, password
 * hashes, session tokens), who blocked me, reports about me and who handled them, and the other side's answer to an
 * introduction (a decline is never shown).
 */
import { findAccountOfMember, loadIndirectRows, loadLinkedRows } from "../../db/repositories/my-data.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";

/** Links whose rows belong to someone else's privacy, though they name me. */
const otherPeoplesLinks = new Set([
  "blocks.blocked_id",
  "reports.subject_id",
  "reports.handled_by",
  "moderation_actions.moderator_id",
]);

/** Fields of a linked row that are someone else's, by link. */
const otherPeoplesFields: Record<string, string[]> = {
  "introductions.first_id": ["secondAnswer"],
  "introductions.second_id": ["firstAnswer"],
  "introductions.connector_id": ["firstAnswer", "secondAnswer"],
  "moderation_actions.subject_id": ["moderatorId", "reportId"],
};

export interface MyDataExport {
  format: "givefirst-export-1";
  exportedAt: string;
  account: { email: string | null; emailVerified: boolean | null; createdAt: string | null };
  profile: Record<string, unknown>;
  /** Rows of every table that points at me, keyed "table.column". */
  linked: Record<string, unknown[]>;
  offersReceived: unknown[];
  offerThreadMessages: unknown[];
  introductionThreadMessages: unknown[];
  /** The posts fetched from my blog feeds (the feeds themselves are in `linked["member_feeds.member_id"]`). */
  feedPostsOfMyFeeds: unknown[];
}

export async function exportMyData(
  context: Pick<AppContext, "db" | "now">,
  options: { memberId: number },
): Promise<MyDataExport> {
  const account = await findAccountOfMember(context.db, options.memberId);
  if (!account) throw notFound("Member");
  const linked: Record<string, unknown[]> = {};
  for (const [link, rows] of Object.entries(await loadLinkedRows(context.db, options.memberId))) {
    if (otherPeoplesLinks.has(link)) continue;
    const hidden = otherPeoplesFields[link] ?? [];
    linked[link] = rows.map((row) =>
      Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([key]) => !hidden.includes(key))),
    );
  }
  return {
    format: "givefirst-export-1",
    exportedAt: context.now().toISOString(),
    account: {
      email: account.email,
      emailVerified: account.emailVerified,
      createdAt: account.accountCreatedAt?.toISOString() ?? null,
    },
    profile: account.member,
    linked,
    ...(await loadIndirectRows(context.db, options.memberId)),
  };
}
