/**
 * `analyze FILE`: the openness report of any outside network (CSV edge list or GraphML), without opening the app's
 * database. Reads the files, runs the pure analysis, prints JSON (--json) or a readable summary.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { isGraphml, readCsvNetwork, readGraphmlNetwork } from "../../domain/network/network-file";
import { analyzeNetwork } from "../../domain/network/file-report";
import type { FileReport } from "../../domain/network/file-report";

export interface AnalyzeFileOptions {
  directed?: boolean;
  nodes?: string;
  json?: boolean;
  seed?: number;
}

async function readText(file: string): Promise<string | { error: string }> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    return { error: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}

const format = (value: number | null, digits = 3): string => (value === null ? "n/a" : value.toFixed(digits));

/** The JSON object printed with --json: the documented keys, the index components, then per-node figures. */
function toJson(report: FileReport): Record<string, unknown> {
  const { openness, node, ...rest } = report;
  return { ...rest, openness_components: openness.components, openness_status: openness.status, node };
}

function summary(file: string, report: FileReport): string {
  const lines = [
    `${file}: ${report.nodes} nodes, ${report.edges} ${report.directed ? "arcs (directed)" : "edges"}`,
    `density ${format(report.density, 4)}${report.reciprocity === null ? "" : `, reciprocity ${format(report.reciprocity)}`}`,
    `communities ${report.communities} (modularity ${format(report.modularity, 4)})`,
    `betweenness centralization ${format(report.betweenness_centralization)}${report.betweenness_sampling ? ` (sampled from ${report.betweenness_sampling.pivots} pivots, ±${format(report.betweenness_sampling.error_bound)} at ${report.betweenness_sampling.confidence * 100}%)` : ""}`,
    report.openness_index === null
      ? `openness index: insufficient data (${report.openness.reasons.join("; ")})`
      : `openness index ${report.openness_index} / 100`,
  ];
  for (const [name, component] of Object.entries(report.openness.components))
    if (component) lines.push(`  ${name.padEnd(20)} ${format(component.score, 2)}`);
  for (const name of Object.keys(report.ei))
    lines.push(
      `mixing by ${name}: E-I ${format(report.ei[name] ?? null)}, assortativity ${format(report.assortativity[name] ?? null)}`,
    );
  const top = Object.entries(report.node)
    .sort((a, b) => b[1].betweenness - a[1].betweenness)
    .slice(0, 10)
    .filter(([, node]) => node.betweenness > 0);
  if (top.length > 0) {
    lines.push("top brokers (betweenness, constraint, community):");
    for (const [id, node] of top)
      lines.push(`  ${id.padEnd(24)} ${format(node.betweenness)}  ${format(node.constraint)}  ${node.community}`);
  }
  return lines.join("\n");
}

/** Runs the command; returns the exit code (0 ok, 1 unreadable or malformed input). */
export async function analyzeFileCommand(file: string, options: AnalyzeFileOptions): Promise<number> {
  const text = await readText(file);
  if (typeof text !== "string") {
    console.error(text.error);
    return 1;
  }
  let nodesText: string | undefined;
  if (options.nodes !== undefined) {
    const nodes = await readText(options.nodes);
    if (typeof nodes !== "string") {
      console.error(nodes.error);
      return 1;
    }
    nodesText = nodes;
  }
  const nodesName = options.nodes === undefined ? undefined : basename(options.nodes);
  const network = isGraphml(file, text)
    ? readGraphmlNetwork({
        text,
        name: basename(file),
        ...(nodesText === undefined ? {} : { nodesText, nodesName }),
        directed: options.directed === true,
      })
    : readCsvNetwork({
        edgesText: text,
        edgesName: basename(file),
        ...(nodesText === undefined ? {} : { nodesText, nodesName }),
        directed: options.directed === true,
      });
  if (!network.ok) {
    console.error(network.message);
    return 1;
  }
  const report = analyzeNetwork(network.value, { seed: options.seed ?? 1 });
  console.log(options.json ? JSON.stringify(toJson(report)) : summary(file, report));
  return 0;
}
