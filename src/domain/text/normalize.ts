import { stopWords } from "./stop-words";
import { stem } from "./stem";

/** Lower-cases, strips accents and ligatures, so that "Économie" and "economie" are one word. */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD").replace(/\p{M}/gu, "");
}

/** One word of a text: its matching term (stemmed, French mapped to English) and the word as written, for reasons. */
export interface Token {
  readonly term: string;
  readonly word: string;
}

/**
 * Splits a French or English text into terms: folded, split on anything but letters and digits (which also cuts
 * French elisions such as "l'investisseur"), stop words and one-letter tokens dropped, then stemmed.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The written word keeps its accents for display; the folded form drives matching.
  const written = text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  for (const word of written) {
    for (const part of foldText(word).split(/[^a-z0-9]+/)) {
      if (part.length < 2 || stopWords.has(part)) continue;
      tokens.push({ term: stem(part), word: part === foldText(word) ? word : part });
    }
  }
  return tokens;
}

// Stemming is the costly part of building a city's index and words repeat across members: remember recent words.
// Bounded so a long-running server does not grow it forever; the cache changes speed, never results.
const termCache = new Map<string, string | null>();
const termCacheLimit = 200_000;

function termOf(folded: string): string | null {
  let term = termCache.get(folded);
  if (term === undefined) {
    term = folded.length < 2 || stopWords.has(folded) ? null : stem(folded);
    if (termCache.size >= termCacheLimit) termCache.clear();
    termCache.set(folded, term);
  }
  return term;
}

/** The terms of a text, in order, duplicates kept (term frequency matters); same terms as `tokenize`, faster. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const part of foldText(text).split(/[^a-z0-9]+/)) {
    const term = termOf(part);
    if (term !== null) out.push(term);
  }
  return out;
}
