/** Turns a failed request into errors per field (from the API's `field`) or one message for the form. */
import { ApiError } from "../api-client";

export type FieldErrors = Record<string, string>;

/** Maps an API error onto the form's fields; the first segment of a nested path ("links.0.url" → "links") is kept too. */
export function errorsFromApi(error: unknown, fields: readonly string[]): { fields: FieldErrors; form?: string } {
  if (error instanceof ApiError && error.field) {
    const field = fields.find((name) => error.field === name || error.field?.startsWith(`${name}.`));
    const message = error.message.replace(/^[\w.]+: /, "");
    if (field) return { fields: { [field]: message } };
  }
  return { fields: {}, form: error instanceof Error ? error.message : String(error) };
}

/** Splits "food, retail ,  travel" into clean tags. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
    ),
  ];
}
