/** Rules on what a trip says: a stay must seek something, or the locals would not know how to help. */
import { invalid } from "../errors";

/** Tags trimmed, lower-cased and de-duplicated, in the traveller's order. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag.length > 0))];
}

/** Throws `invalid("seeks")` when neither the text nor the tags say what the traveller seeks. */
export function validateSeeks(seeks: string, seeksTags: readonly string[]): void {
  if (seeks.trim().length === 0 && normalizeTags(seeksTags).length === 0)
    throw invalid("seeks", "seeks: say what you are looking for (text or tags)");
}
