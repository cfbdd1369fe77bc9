/**
 * A small, careful GraphML reader (the subset network tools write): <key> declarations, one <graph> with its
 * edgedefault, <node id>, <edge source target [directed]>, and <data key> values with entity references.
 * Nested graphs, hyperedges and ports are refused with a line number rather than misread.
 */
import type { ParseResult } from "./csv";

export interface GraphmlNetwork {
  readonly directed: boolean;
  readonly nodeIds: string[];
  readonly edges: { source: string; target: string; weight?: number }[];
  /** Node attributes by name: id → value. */
  readonly attributes: Record<string, Map<string, string>>;
}

interface Tag {
  name: string;
  attributes: Record<string, string>;
  closing: boolean;
  selfClosing: boolean;
  line: number;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return entities[name] ?? whole;
  });
}

class XmlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Streams tags and text of an XML document, skipping declarations, comments, processing instructions and DOCTYPE. */
function* tokens(text: string): Generator<{ tag: Tag } | { text: string; line: number }> {
  let position = 0;
  let line = 1;
  const advance = (to: number): void => {
    for (let p = position; p < to; p++) if (text.charCodeAt(p) === 10) line++;
    position = to;
  };
  while (position < text.length) {
    const open = text.indexOf("<", position);
    if (open < 0) {
      yield { text: text.slice(position), line };
      return;
    }
    if (open > position) {
      const startLine = line;
      const content = text.slice(position, open);
      advance(open);
      yield { text: content, line: startLine };
    }
    const skip = (opener: string, closer: string): boolean => {
      if (!text.startsWith(opener, position)) return false;
      const end = text.indexOf(closer, position + opener.length);
      if (end < 0) throw new XmlError(line, `unterminated ${opener}`);
      advance(end + closer.length);
      return true;
    };
    if (skip("<!--", "-->") || skip("<?", "?>") || skip("<!DOCTYPE", ">")) continue;
    if (text.startsWith("<![CDATA[", position)) {
      const end = text.indexOf("]]>", position);
      if (end < 0) throw new XmlError(line, "unterminated CDATA section");
      const startLine = line;
      const content = text.slice(position + 9, end);
      advance(end + 3);
      yield { text: content, line: startLine, raw: true } as { text: string; line: number };
      continue;
    }
    const close = findTagEnd(text, position);
    if (close < 0) throw new XmlError(line, "unterminated tag");
    const startLine = line;
    const body = text.slice(position + 1, close);
    advance(close + 1);
    yield { tag: parseTag(body, startLine) };
  }
}

/** The closing '>' of a tag, skipping '>' inside quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let p = from + 1; p < text.length; p++) {
    const char = text[p];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ">") return p;
    else if (char === "<") return -1;
  }
  return -1;
}

function parseTag(body: string, line: number): Tag {
  const closing = body.startsWith("/");
  const selfClosing = body.endsWith("/");
  const inner = body.slice(closing ? 1 : 0, selfClosing ? -1 : undefined).trim();
  const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(inner);
  if (!nameMatch) throw new XmlError(line, `malformed tag <${body}>`);
  const name = nameMatch[0].replace(/^.*:/, "");
  const attributes: Record<string, string> = {};
  const rest = inner.slice(nameMatch[0].length);
  const pattern = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\S+)/g;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    if (match[5] !== undefined) throw new XmlError(line, `malformed attribute "${match[5]}" in <${name}>`);
    attributes[(match[1] as string).replace(/^xmlns:.*$/, "xmlns")] = decode(match[3] ?? match[4] ?? "");
  }
  return { name, attributes, closing, selfClosing, line };
}

/** Parses a GraphML document. A `weight` (or `Weight`) edge key becomes the edge weight. */
export function parseGraphml(text: string): ParseResult<GraphmlNetwork> {
  try {
    return { ok: true, value: readGraphml(text) };
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
}

function readGraphml(text: string): GraphmlNetwork {
  const keys = new Map<string, { for: string; name: string }>();
  const nodeIds: string[] = [];
  const known = new Set<string>();
  const edges: { source: string; target: string; weight?: number }[] = [];
  const attributes: Record<string, Map<string, string>> = {};
  const defaults = new Map<string, string>();
  const stack: Tag[] = [];
  let directed: boolean | null = null;
  let graphs = 0;
  let dataKey: string | null = null;
  let dataText = "";
  let currentKey: string | null = null;
  let currentEdge: { source: string; target: string; weight?: number } | null = null;
  let currentNode: string | null = null;
  for (const token of tokens(text)) {
    if ("text" in token) {
      if (dataKey !== null) dataText += (token as { raw?: boolean }).raw ? token.text : decode(token.text);
      else if (currentKey !== null && stack.at(-1)?.name === "default")
        defaults.set(currentKey, decode(token.text).trim());
      continue;
    }
    const tag = token.tag;
    if (tag.closing) {
      const top = stack.pop();
      if (!top || top.name !== tag.name)
        throw new XmlError(tag.line, `</${tag.name}> closes <${top?.name ?? "nothing"}>`);
      if (tag.name === "data") finishData(tag.line);
      if (tag.name === "node") currentNode = null;
      if (tag.name === "edge") currentEdge = null;
      if (tag.name === "key") currentKey = null;
      continue;
    }
    switch (tag.name) {
      case "graphml":
        break;
      case "key": {
        const id = tag.attributes.id;
        if (!id) throw new XmlError(tag.line, "<key> without id");
        keys.set(id, { for: tag.attributes.for ?? "all", name: tag.attributes["attr.name"] ?? id });
        currentKey = id;
        break;
      }
      case "default":
        break;
      case "graph":
        if (++graphs > 1) throw new XmlError(tag.line, "nested or multiple <graph> elements are not supported");
        directed = (tag.attributes.edgedefault ?? "directed") === "directed";
        break;
      case "node": {
        const id = tag.attributes.id;
        if (id === undefined) throw new XmlError(tag.line, "<node> without id");
        if (known.has(id)) throw new XmlError(tag.line, `duplicate node id "${id}"`);
        known.add(id);
        nodeIds.push(id);
        currentNode = id;
        break;
      }
      case "edge": {
        const { source, target } = tag.attributes;
        if (source === undefined || target === undefined)
          throw new XmlError(tag.line, "<edge> without source or target");
        if (tag.attributes.directed !== undefined && (tag.attributes.directed === "true") !== directed)
          throw new XmlError(tag.line, "mixed directed and undirected edges are not supported");
        currentEdge = { source, target };
        edges.push(currentEdge);
        break;
      }
      case "data":
        dataKey = tag.attributes.key ?? null;
        if (dataKey === null) throw new XmlError(tag.line, "<data> without key");
        dataText = "";
        if (tag.selfClosing) finishData(tag.line);
        break;
      case "hyperedge":
      case "port":
        throw new XmlError(tag.line, `<${tag.name}> is not supported`);
      default:
        break; // unknown elements (desc, extensions) are ignored
    }
    if (!tag.selfClosing) stack.push(tag);
    else if (tag.name === "node") currentNode = null;
    else if (tag.name === "edge") currentEdge = null;
    else if (tag.name === "key") currentKey = null;
  }
  if (stack.length > 0)
    throw new XmlError((stack.at(-1) as Tag).line, `<${(stack.at(-1) as Tag).name}> is never closed`);
  if (graphs === 0) throw new XmlError(1, "no <graph> element: is this GraphML?");
  // Node attributes declared with a default apply to nodes without a value.
  for (const [id, key] of keys) {
    const fallback = defaults.get(id);
    if (fallback === undefined || key.for !== "node") continue;
    const values = (attributes[key.name] ??= new Map());
    for (const node of nodeIds) if (!values.has(node)) values.set(node, fallback);
  }
  return { directed: directed ?? true, nodeIds, edges, attributes };

  function finishData(line: number): void {
    const key = keys.get(dataKey as string);
    const value = dataText.trim();
    dataKey = null;
    if (!key) throw new XmlError(line, `<data> refers to an undeclared key`);
    if (currentEdge && /^weight$/i.test(key.name)) {
      const weight = Number(value);
      if (!Number.isFinite(weight)) throw new XmlError(line, `edge weight "${value}" is not a number`);
      currentEdge.weight = weight;
    } else if (currentNode !== null && !currentEdge) (attributes[key.name] ??= new Map()).set(currentNode, value);
  }
}
