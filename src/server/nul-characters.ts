/**
 * PostgreSQL text cannot hold U+0000: a string carrying one failed in the database as a 500. The router's validation
 * hook refuses it instead (400 naming the field), in the path, the query and the JSON body, once zod has parsed them.
 */

/** The dotted path of the first string holding U+0000 in a validated value ("" for the value itself), or null. */
export function findNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\0") ? path.join(".") : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNulCharacter(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
