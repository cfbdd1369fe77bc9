/**
 * The text of a fetched feed: the charset of the Content-Type, else of the XML declaration, else UTF-8 (JSON Feed is
 * always UTF-8). An unknown charset falls back to UTF-8 rather than failing.
 */
export function decodeFeedBody(body: Buffer, contentType: string | undefined): string {
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1] ??
    /^(?:\uFEFF)?\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(body.subarray(0, 200).toString("latin1"))?.[1];
  if (!declared) return body.toString("utf8");
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body);
  } catch {
    return body.toString("utf8");
  }
}
