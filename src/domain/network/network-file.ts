/**
 * Reads an outside network for `analyze FILE`: a CSV edge list (header source,target[,weight]) with an optional node
 * CSV (header id,attr1,…), or GraphML. Pure: it takes the files' text, so the CLI owns the reading.
 */
import { parseCsv } from "./csv";
import type { ParseResult } from "./csv";
import { parseGraphml } from "./graphml";

export interface NetworkFile {
  readonly directed: boolean;
  /** Ids from the node file first, then endpoints in order of appearance (isolated nodes included). */
  readonly nodeIds: string[];
  readonly edges: { source: string; target: string; weight?: number }[];
  /** Node attributes by name, one value (or null) per entry of nodeIds. */
  readonly attributes: Record<string, (string | null)[]>;
  readonly weighted: boolean;
}

/** Whether text looks like GraphML rather than CSV (by file name, then by content). */
export function isGraphml(fileName: string, text: string): boolean {
  if (/\.graphml$/i.test(fileName)) return true;
  if (/\.(csv|txt)$/i.test(fileName)) return false;
  return /^\s*(<\?xml|<graphml)/.test(text.slice(0, 1000));
}

const failure = (file: string, line: number, message: string): { ok: false; line: number; message: string } => ({
  ok: false,
  line,
  message: `${file}:${line}: ${message}`,
});

/** Parses an edge-list CSV; `fileName` only labels error messages. */
export function parseEdgeList(
  text: string,
  fileName = "edges",
): ParseResult<{ edges: NetworkFile["edges"]; weighted: boolean }> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return failure(fileName, parsed.line, parsed.message);
  const [header, ...rows] = parsed.value;
  if (!header) return failure(fileName, 1, "empty file: expected a header source,target[,weight]");
  const columns = header.fields.map((field) => field.trim().toLowerCase());
  const source = columns.indexOf("source");
  const target = columns.indexOf("target");
  const weightColumn = columns.indexOf("weight");
  if (source < 0 || target < 0)
    return failure(
      fileName,
      header.line,
      `header must name "source" and "target" columns (found ${header.fields.join(",")})`,
    );
  const edges: NetworkFile["edges"] = [];
  for (const row of rows) {
    if (row.fields.length !== header.fields.length)
      return failure(fileName, row.line, `expected ${header.fields.length} fields, found ${row.fields.length}`);
    const from = (row.fields[source] as string).trim();
    const to = (row.fields[target] as string).trim();
    if (from === "" || to === "") return failure(fileName, row.line, "empty source or target");
    if (weightColumn < 0) {
      edges.push({ source: from, target: to });
      continue;
    }
    const raw = (row.fields[weightColumn] as string).trim();
    const weight = raw === "" ? 1 : Number(raw);
    if (!Number.isFinite(weight) || weight < 0)
      return failure(fileName, row.line, `weight "${raw}" is not a non-negative number`);
    edges.push({ source: from, target: to, weight });
  }
  return { ok: true, value: { edges, weighted: weightColumn >= 0 } };
}

/** Parses a node CSV (header id,attr1,…); empty cells are unknown values. */
export function parseNodeTable(
  text: string,
  fileName = "nodes",
): ParseResult<{ ids: string[]; attributes: Record<string, Map<string, string>> }> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return failure(fileName, parsed.line, parsed.message);
  const [header, ...rows] = parsed.value;
  if (!header) return failure(fileName, 1, "empty file: expected a header id,attr1,…");
  const names = header.fields.map((field) => field.trim());
  if (names[0]?.toLowerCase() !== "id")
    return failure(fileName, header.line, `first column must be "id" (found "${names[0] ?? ""}")`);
  const attributes: Record<string, Map<string, string>> = {};
  for (const name of names.slice(1)) attributes[name] = new Map();
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.fields.length !== names.length)
      return failure(fileName, row.line, `expected ${names.length} fields, found ${row.fields.length}`);
    const id = (row.fields[0] as string).trim();
    if (id === "") return failure(fileName, row.line, "empty id");
    if (seen.has(id)) return failure(fileName, row.line, `duplicate id "${id}"`);
    seen.add(id);
    ids.push(id);
    names.slice(1).forEach((name, k) => {
      const value = (row.fields[k + 1] as string).trim();
      if (value !== "") (attributes[name] as Map<string, string>).set(id, value);
    });
  }
  return { ok: true, value: { ids, attributes } };
}

function assemble(
  directed: boolean,
  listedIds: readonly string[],
  edges: NetworkFile["edges"],
  weighted: boolean,
  attributes: Record<string, Map<string, string>>,
): NetworkFile {
  const nodeIds: string[] = [];
  const seen = new Set<string>();
  const add = (id: string): void => {
    if (!seen.has(id)) {
      seen.add(id);
      nodeIds.push(id);
    }
  };
  listedIds.forEach(add);
  for (const edge of edges) {
    add(edge.source);
    add(edge.target);
  }
  const columns: Record<string, (string | null)[]> = {};
  for (const [name, values] of Object.entries(attributes)) columns[name] = nodeIds.map((id) => values.get(id) ?? null);
  return { directed, nodeIds, edges, attributes: columns, weighted };
}

/** Reads a network from a CSV edge list and an optional node table. */
export function readCsvNetwork(input: {
  edgesText: string;
  edgesName?: string;
  nodesText?: string;
  nodesName?: string;
  directed: boolean;
}): ParseResult<NetworkFile> {
  const edges = parseEdgeList(input.edgesText, input.edgesName);
  if (!edges.ok) return edges;
  const nodes =
    input.nodesText === undefined
      ? { ok: true as const, value: { ids: [], attributes: {} } }
      : parseNodeTable(input.nodesText, input.nodesName);
  if (!nodes.ok) return nodes;
  return {
    ok: true,
    value: assemble(input.directed, nodes.value.ids, edges.value.edges, edges.value.weighted, nodes.value.attributes),
  };
}

/** Reads a GraphML network; a node CSV, when given, adds or overrides attributes. `directed` forces directedness. */
export function readGraphmlNetwork(input: {
  text: string;
  name?: string;
  nodesText?: string;
  nodesName?: string;
  directed?: boolean;
}): ParseResult<NetworkFile> {
  const graph = parseGraphml(input.text);
  if (!graph.ok) return failure(input.name ?? "graph", graph.line, graph.message);
  const attributes = { ...graph.value.attributes };
  let ids = graph.value.nodeIds;
  if (input.nodesText !== undefined) {
    const nodes = parseNodeTable(input.nodesText, input.nodesName);
    if (!nodes.ok) return nodes;
    Object.assign(attributes, nodes.value.attributes);
    ids = [...ids, ...nodes.value.ids];
  }
  const weighted = graph.value.edges.some((edge) => edge.weight !== undefined);
  return {
    ok: true,
    value: assemble(input.directed === true || graph.value.directed, ids, graph.value.edges, weighted, attributes),
  };
}
