/**
 * `cli import FILE --member EMAIL`: finds which entries of a LinkedIn, Mastodon or vCard file are members and lists
 * them for review; `--follow` then follows them (all listed, or those of `--only`). Nothing of the file is stored.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import type { ImportFormatName } from "../../api/imports";
import { importFormatSchema } from "../../api/imports";
import type { AppContext } from "../../app/context";
import { followMembers } from "../../app/follows/follow-members";
import { findImporter } from "../../app/imports/find-importer";
import { matchNetworkFile } from "../../app/imports/match-network-file";
import { maxImportBytes } from "../../app/imports/parse-network-file";

export interface ImportCommandOptions {
  member: string;
  format?: string;
  follow?: boolean;
  /** Comma-separated member ids to follow, out of the matches. */
  only?: string;
  json?: boolean;
}

export async function importNetworkCommand(
  context: AppContext,
  file: string,
  options: ImportCommandOptions,
): Promise<number> {
  let format: ImportFormatName | undefined;
  if (options.format !== undefined) {
    const parsed = importFormatSchema.safeParse(options.format);
    if (!parsed.success) {
      console.error("--format: one of linkedin, mastodon, vcard");
      return 2;
    }
    format = parsed.data;
  }
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }
  if (size > maxImportBytes) {
    console.error(`${file}: the file is over ${maxImportBytes / 1024 / 1024} MB; nothing was imported`);
    return 1;
  }
  const content = await readFile(file, "utf8");
  const importer = await findImporter(context, options.member);

  const bar = new SingleBar(
    { format: "Matching {bar} {percentage}% | {value}/{total}", hideCursor: true },
    Presets.shades_classic,
  );
  const showProgress = process.stderr.isTTY && !options.json;
  let started = false;
  let result;
  try {
    result = await matchNetworkFile(context, {
      memberId: importer.memberId,
      content,
      fileName: basename(file),
      ...(format ? { format } : {}),
      onProgress: (done, total) => {
        if (!showProgress) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
  } catch (error) {
    if ((error as Error).name === "AppError") {
      console.error(`${file}: ${(error as Error).message}; nothing was imported`);
      return 1;
    }
    throw error;
  } finally {
    if (started) bar.stop();
  }

  let chosen = result.matches.filter((match) => !match.alreadyFollowing).map((match) => match.memberId);
  if (options.only !== undefined) {
    const only = new Set(options.only.split(",").map((id) => Number(id.trim())));
    chosen = chosen.filter((id) => only.has(id));
  }
  const followed = options.follow
    ? await followMembers(context, { followerId: importer.memberId, memberIds: chosen })
    : null;

  if (options.json) {
    console.log(JSON.stringify({ ...result, followed }, null, 2));
    return 0;
  }
  console.log(
    `${basename(file)} (${result.format}): ${result.entries} entries, ${result.matches.length} members found`,
  );
  for (const match of result.matches) {
    const state = match.alreadyFollowing ? " (already followed)" : "";
    console.log(
      `  #${match.memberId} ${match.name}${match.headline ? ` — ${match.headline}` : ""} [${match.entryName}, by ${match.matchedBy.join(" and ")}]${state}`,
    );
  }
  if (followed) console.log(`Followed ${followed.followed} members for ${importer.name}.`);
  else if (chosen.length > 0) console.log(`Review the list, then run again with --follow (or --follow --only ID,ID).`);
  return 0;
}
