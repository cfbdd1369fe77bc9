/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, "" for a quote inside quotes,
 * quoted fields may span lines. Tolerates a byte-order mark, CRLF or LF line ends and blank lines.
 * Malformed input is an answer with a line number, not an exception.
 */

export interface CsvRecord {
  readonly fields: string[];
  /** 1-based line where the record starts. */
  readonly line: number;
}

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly line: number; readonly message: string };

/** Splits CSV text into records. */
export function parseCsv(text: string): ParseResult<CsvRecord[]> {
  const records: CsvRecord[] = [];
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const length = text.length;
  while (position < length) {
    const start = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      let field = "";
      if (text[position] === '"') {
        blank = false;
        position++;
        for (;;) {
          if (position >= length) return { ok: false, line: start, message: "unterminated quoted field" };
          const char = text[position] as string;
          if (char === '"') {
            if (text[position + 1] === '"') {
              field += '"';
              position += 2;
              continue;
            }
            position++;
            break;
          }
          if (char === "\n") line++;
          field += char;
          position++;
        }
        const next = text[position];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r")
          return { ok: false, line, message: `unexpected character ${JSON.stringify(next)} after a closing quote` };
      } else {
        const begin = position;
        while (position < length) {
          const char = text[position];
          if (char === "," || char === "\n" || char === "\r") break;
          if (char === '"')
            return {
              ok: false,
              line,
              message: "quote inside an unquoted field (quote the whole field and double inner quotes)",
            };
          position++;
        }
        field = text.slice(begin, position);
        if (field.length > 0) blank = false;
      }
      fields.push(field);
      if (text[position] === ",") {
        blank = false;
        position++;
        continue;
      }
      break;
    }
    if (text[position] === "\r") position++;
    if (text[position] === "\n") position++;
    line++;
    if (!blank) records.push({ fields, line: start });
  }
  return { ok: true, value: records };
}
