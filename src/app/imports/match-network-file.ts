/**
 * Bring your network: reads an uploaded contact file and finds which entries are members, for the importer to review
 * before any follow is created. Emails are hashed (sha256 of the trimmed, lowercased address) before they reach the
 * database and are never stored; unmatched entries are dropped here and nobody is contacted. A file too big or not
 * readable is refused with a clear error and changes nothing.
 */
import { createHash } from "node:crypto";
import {
  findMembersByEmailHashes,
  findMembersByLinkKeys,
  type MatchedMemberRow,
} from "../../db/repositories/imports.repository";
import { AppError, invalid } from "../../domain/errors";
import type { AppContext } from "../context";
import { ImportFileError, parseNetworkFile, type ContactEntry, type ImportFormat } from "./parse-network-file";

export interface ImportMatch {
  memberId: number;
  name: string;
  headline: string;
  /** The entry's name in the file, to recognise it in the review. */
  entryName: string;
  matchedBy: ("link" | "email")[];
  alreadyFollowing: boolean;
}

export interface ImportMatches {
  format: ImportFormat;
  entries: number;
  matches: ImportMatch[];
}

const hashEmail = (email: string) => createHash("sha256").update(email, "utf8").digest("hex");

/** Keys are looked up in batches, so that a 20,000-line file is a few queries. */
const batchSize = 5000;

export async function matchNetworkFile(
  context: AppContext,
  options: {
    memberId: number;
    content: string;
    format?: ImportFormat;
    fileName?: string;
    /** Called with the share of entries matched so far (the CLI's progress bar). */
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportMatches> {
  let parsed: { format: ImportFormat; entries: ContactEntry[] };
  try {
    parsed = parseNetworkFile(options.content, {
      ...(options.format ? { format: options.format } : {}),
      ...(options.fileName ? { fileName: options.fileName } : {}),
    });
  } catch (error) {
    if (error instanceof ImportFileError) {
      if (error.tooLarge) throw new AppError("payload_too_large", error.message, { field: "content" });
      throw invalid("content", error.message);
    }
    throw error;
  }
  const { entries } = parsed;
  // Which entry each key came from: the first entry wins for the name shown.
  const entryOfKey = new Map<string, number>();
  entries.forEach((entry, index) => {
    for (const key of entry.links) if (!entryOfKey.has(key)) entryOfKey.set(key, index);
    for (const email of entry.emails) {
      const hash = hashEmail(email);
      if (!entryOfKey.has(hash)) entryOfKey.set(hash, index);
    }
  });
  const linkKeys = [...new Set(entries.flatMap((entry) => entry.links))];
  const emailHashes = [...new Set(entries.flatMap((entry) => entry.emails.map(hashEmail)))];
  const total = linkKeys.length + emailHashes.length;
  const found: MatchedMemberRow[] = [];
  let done = 0;
  for (let start = 0; start < linkKeys.length; start += batchSize) {
    const batch = linkKeys.slice(start, start + batchSize);
    found.push(...(await findMembersByLinkKeys(context.db, options.memberId, batch)));
    done += batch.length;
    options.onProgress?.(done, total);
  }
  for (let start = 0; start < emailHashes.length; start += batchSize) {
    const batch = emailHashes.slice(start, start + batchSize);
    found.push(...(await findMembersByEmailHashes(context.db, options.memberId, batch)));
    done += batch.length;
    options.onProgress?.(done, total);
  }
  const byMember = new Map<number, ImportMatch>();
  for (const row of found) {
    const entryIndex = Math.min(...row.keys.map((key) => entryOfKey.get(key) ?? Number.MAX_SAFE_INTEGER));
    const match = byMember.get(row.memberId) ?? {
      memberId: row.memberId,
      name: row.name,
      headline: row.headline,
      entryName: entries[entryIndex]?.name ?? "",
      matchedBy: [],
      alreadyFollowing: row.alreadyFollowing,
    };
    if (!match.matchedBy.includes(row.by)) match.matchedBy.push(row.by);
    byMember.set(row.memberId, match);
  }
  const matches = [...byMember.values()].sort((a, b) => a.name.localeCompare(b.name) || a.memberId - b.memberId);
  return { format: parsed.format, entries: entries.length, matches };
}
