/**
 * Reads the files people really have into contact entries: LinkedIn's `Connections.csv` (a few "Notes:" lines before
 * the header), Mastodon's `following_accounts.csv`, and vCard (.vcf, 3.0 and 4.0). Each entry keeps only what can
 * match a member: profile URLs, fediverse handles and emails, plus a display name for the review. Nothing here is
 * stored; a file that is none of these, or too big, is an `ImportFileError` and nothing happens.
 */
import { parse as parseCsv } from "csv-parse/sync";

export type ImportFormat = "linkedin" | "mastodon" | "vcard";

export interface ContactEntry {
  name: string;
  /** Normalised web addresses (see `linkKey`). */
  links: string[];
  /** Lowercased, trimmed emails; hashed before they reach the database, never stored. */
  emails: string[];
}

export class ImportFileError extends Error {
  override name = "ImportFileError";
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

export const maxImportBytes = 5 * 1024 * 1024;
export const maxImportEntries = 20_000;

/**
 * The form in which a web address is compared: lowercased, without scheme, `www.`, query, fragment or trailing
 * slashes. The members repository applies the same steps to members' links in SQL.
 */
export function linkKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
}

/** A fediverse handle (`user@host` or `@user@host`) as the profile address it stands for: `host/@user`. */
export function handleKey(handle: string): string | null {
  const match = /^@?([a-z0-9_.-]{1,64})@([a-z0-9.-]{1,253}\.[a-z]{2,63})$/i.exec(handle.trim());
  return match ? `${match[2]!.toLowerCase()}/@${match[1]!.toLowerCase()}` : null;
}

export function normaliseEmail(email: string): string | null {
  const value = email
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, "");
  return /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,63}$/.test(value) ? value : null;
}

const webAddress = (value: string): string | null => {
  const trimmed = value.trim();
  if (!/^https?:\/\/[^\s/]+\.[^\s/]+/i.test(trimmed)) return null;
  return linkKey(trimmed);
};

/** Detects the format from the content (and the file name as a hint) and reads the entries. */
export function parseNetworkFile(
  content: string,
  options: { format?: ImportFormat; fileName?: string } = {},
): {
  format: ImportFormat;
  entries: ContactEntry[];
} {
  if (Buffer.byteLength(content, "utf8") > maxImportBytes) {
    throw new ImportFileError(`the file is over ${maxImportBytes / 1024 / 1024} MB`, true);
  }
  const text = content.replace(/^\uFEFF/, "");
  const format = options.format ?? detectFormat(text, options.fileName);
  const entries =
    format === "vcard" ? parseVcards(text) : format === "linkedin" ? parseLinkedin(text) : parseMastodon(text);
  if (entries.length > maxImportEntries) {
    throw new ImportFileError(`the file holds over ${maxImportEntries} entries`, true);
  }
  return { format, entries };
}

function detectFormat(text: string, fileName?: string): ImportFormat {
  if (/^\s*BEGIN:VCARD/i.test(text)) return "vcard";
  const head = text.slice(0, 4000);
  if (/^Account address\s*,/im.test(head)) return "mastodon";
  if (/^First Name\s*,\s*Last Name\s*,/im.test(head)) return "linkedin";
  if (fileName && /\.vcf$/i.test(fileName)) return "vcard";
  throw new ImportFileError(
    "not a file we can read: expected LinkedIn's Connections.csv, Mastodon's following_accounts.csv or a vCard (.vcf)",
  );
}

function readCsv(text: string): string[][] {
  try {
    return parseCsv(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new ImportFileError(`malformed CSV: ${(error as Error).message.split("\n")[0]}`);
  }
}

function parseLinkedin(text: string): ContactEntry[] {
  // Real exports start with "Notes:" lines; the table starts at the header line.
  const lines = text.split(/\r?\n/);
  const headerLine = lines.findIndex((line) => /^First Name\s*,\s*Last Name\s*,/i.test(line));
  if (headerLine < 0) throw new ImportFileError("no LinkedIn header (First Name,Last Name,URL,…) found");
  const rows = readCsv(lines.slice(headerLine).join("\n"));
  const header = (rows[0] ?? []).map((cell) => cell.toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const first = column("first name");
  const last = column("last name");
  const url = column("url");
  const email = column("email address");
  if (url < 0 && email < 0)
    throw new ImportFileError("the LinkedIn file has neither a URL nor an Email Address column");
  return rows.slice(1).map((row) => {
    const link = url >= 0 ? webAddress(row[url] ?? "") : null;
    const address = email >= 0 ? normaliseEmail(row[email] ?? "") : null;
    return {
      name: [row[first] ?? "", row[last] ?? ""].join(" ").trim().slice(0, 120),
      links: link ? [link] : [],
      emails: address ? [address] : [],
    };
  });
}

function parseMastodon(text: string): ContactEntry[] {
  const rows = readCsv(text);
  const header = (rows[0] ?? []).map((cell) => cell.toLowerCase());
  const account = header.indexOf("account address");
  if (account < 0) throw new ImportFileError("no Mastodon header (Account address,…) found");
  return rows.slice(1).map((row, index) => {
    const handle = row[account] ?? "";
    const key = handleKey(handle);
    if (!key) throw new ImportFileError(`line ${index + 2}: "${handle.slice(0, 80)}" is not an account address`);
    return { name: handle.trim().replace(/^@/, "").slice(0, 120), links: [key], emails: [] };
  });
}

/** vCard 3.0 and 4.0: unfolds lines, reads FN/N, EMAIL, URL, X-SOCIALPROFILE and IMPP; other properties are ignored. */
function parseVcards(text: string): ContactEntry[] {
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .replace(/\n[ \t]/g, "")
    .split(/\r?\n/);
  const entries: ContactEntry[] = [];
  let current: (ContactEntry & { structured: string }) | null = null;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const colon = line.indexOf(":");
    if (colon < 0) throw new ImportFileError(`vCard line ${index + 1} has no ":"`);
    const [property = "", ...parameters] = line.slice(0, colon).split(";");
    const name = property.replace(/^item\d+\./i, "").toUpperCase();
    const value = unescapeVcard(line.slice(colon + 1));
    if (name === "BEGIN" && value.toUpperCase() === "VCARD") {
      if (current) throw new ImportFileError(`vCard line ${index + 1}: BEGIN:VCARD inside another card`);
      current = { name: "", structured: "", links: [], emails: [] };
      return;
    }
    if (!current) throw new ImportFileError(`vCard line ${index + 1}: a property outside BEGIN:VCARD … END:VCARD`);
    const card: ContactEntry & { structured: string } = current;
    switch (name) {
      case "END": {
        entries.push({
          name: (card.name || card.structured).slice(0, 120),
          links: [...new Set(card.links)],
          emails: [...new Set(card.emails)],
        });
        current = null;
        return;
      }
      case "FN":
        card.name = value.trim();
        return;
      case "N":
        card.structured = value.split(";").slice(0, 2).reverse().join(" ").trim();
        return;
      case "EMAIL": {
        const email = normaliseEmail(value);
        if (email) card.emails.push(email);
        return;
      }
      case "URL":
      case "X-SOCIALPROFILE":
      case "IMPP": {
        const key =
          webAddress(value) ??
          handleKey(value.replace(/^(xmpp|mastodon|acct):/i, "")) ??
          socialHandle(parameters, value);
        if (key) card.links.push(key);
        return;
      }
      default:
        return;
    }
  });
  if (current) throw new ImportFileError("the vCard file ends inside a card (no END:VCARD)");
  if (entries.length === 0) throw new ImportFileError("no vCard found in the file");
  return entries;
}

/** `X-SOCIALPROFILE;TYPE=linkedin:ana-lopez` style values without a full address. */
function socialHandle(parameters: string[], value: string): string | null {
  const type = parameters
    .map((parameter) => /^type=(.*)$/i.exec(parameter)?.[1]?.toLowerCase())
    .find((found) => found !== undefined);
  const slug = value.trim().replace(/^@/, "");
  if (!/^[a-z0-9_.-]{1,100}$/i.test(slug)) return null;
  if (type === "linkedin") return `linkedin.com/in/${slug.toLowerCase()}`;
  if (type === "twitter" || type === "x") return `x.com/${slug.toLowerCase()}`;
  if (type === "github") return `github.com/${slug.toLowerCase()}`;
  return null;
}

function unescapeVcard(value: string): string {
  return value.replace(/\\([,;:nN\\])/g, (_match, character: string) =>
    character === "n" || character === "N" ? " " : character,
  );
}
