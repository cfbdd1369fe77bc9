import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";

function keys(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === "object" && inner !== null ? keys(inner as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? "").sort();
}

describe("messages", () => {
  it("has the same keys and placeholders in English and French, none empty", () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
    const lookup = (messages: object, key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
    for (const key of keys(en)) {
      expect(lookup(fr, key).length, key).toBeGreaterThan(0);
      expect(placeholders(lookup(fr, key)), key).toEqual(placeholders(lookup(en, key)));
    }
  });
});
