const partsByTemplate = new Map<string, string[]>();
const filledByTemplate = new Map<string, Map<number, string>>();
const valueIds = new Map<string, number>();
const idBase = 8192;
const cacheLimit = 50_000;

/** A small number per distinct value; pool strings are constants whose hashes V8 caches, so this lookup is cheap. */
function idOf(value: string): number {
  let id = valueIds.get(value);
  if (id === undefined) {
    id = valueIds.size + 1;
    if (id < idBase) valueIds.set(value, id);
  }
  return id;
}

/**
 * Fills {placeholders} from `values`; unknown placeholders are left as they are. Demo texts are drawn from small
 * pools, so the same text recurs: memoizing per template, under a numeric key made of the values it uses, shares one
 * string between many records and keeps a 100,000-member world small and fast to build.
 */
export function fillText(template: string, values: Readonly<Record<string, string>>): string {
  let parts = partsByTemplate.get(template);
  let filled = filledByTemplate.get(template);
  if (parts === undefined || filled === undefined) {
    parts = template.split(/\{(\w+)\}/);
    filled = new Map();
    partsByTemplate.set(template, parts);
    filledByTemplate.set(template, filled);
  }
  if (parts.length === 1) return template;
  let key = 0;
  let isCacheable = parts.length <= 9;
  for (let k = 1; k < parts.length && isCacheable; k += 2) {
    const id = idOf(values[parts[k] ?? ""] ?? "");
    if (id >= idBase) isCacheable = false;
    key = key * idBase + id;
  }
  let text = isCacheable ? filled.get(key) : undefined;
  if (text === undefined) {
    const used = parts;
    text = used.map((part, k) => (k % 2 === 1 ? (values[part] ?? `{${part}}`) : part)).join("");
    if (isCacheable && filled.size < cacheLimit) filled.set(key, text);
  }
  return text;
}

const memo = new Map<number, string>();

/** Returns the text built for a numeric key, building it once. */
export function memoizedText(key: number, build: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    text = build();
    if (memo.size < cacheLimit) memo.set(key, text);
  }
  return text;
}
