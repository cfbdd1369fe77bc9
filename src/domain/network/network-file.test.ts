import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseCsv } from "./csv";
import { parseGraphml } from "./graphml";
import { isGraphml, readCsvNetwork, readGraphmlNetwork } from "./network-file";
import { analyzeNetwork } from "./file-report";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/network/${name}`, import.meta.url), "utf8");

describe("CSV reader", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM", () => {
    const result = parseCsv('\uFEFFsource,target\r\n"a, b","say ""hi"""\r\n"multi\nline",c\n\n');
    expect(result).toEqual({
      ok: true,
      value: [
        { fields: ["source", "target"], line: 1 },
        { fields: ["a, b", 'say "hi"'], line: 2 },
        { fields: ["multi\nline", "c"], line: 3 },
      ],
    });
  });
  it("reports malformed quoting with its line", () => {
    expect(parseCsv('a,b\nx,"open\n')).toMatchObject({ ok: false, line: 2, message: "unterminated quoted field" });
    expect(parseCsv('a,b\nx,y"z\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\n"x"y,z\n')).toMatchObject({ ok: false, line: 2 });
  });
});

describe("network files", () => {
  it("unites the node file's ids with the edge endpoints, keeping isolated nodes", () => {
    const network = readCsvNetwork({
      edgesText: fixture("florentine.csv"),
      nodesText: fixture("florentine-nodes.csv"),
      directed: false,
    });
    if (!network.ok) throw new Error(network.message);
    expect(network.value.nodeIds).toHaveLength(16);
    expect(network.value.nodeIds).toContain("Pucci");
    expect(network.value.attributes["note, quoted"]?.[0]).toBe('the "bankers"');
  });
  it("names the file and line of a malformed row", () => {
    const bad = readCsvNetwork({
      edgesText: "source,target,weight\na,b,1\nb,c,heavy\n",
      edgesName: "ties.csv",
      directed: false,
    });
    expect(bad).toMatchObject({
      ok: false,
      line: 3,
      message: 'ties.csv:3: weight "heavy" is not a non-negative number',
    });
    expect(readCsvNetwork({ edgesText: "from,to\na,b\n", directed: false })).toMatchObject({ ok: false, line: 1 });
    expect(readCsvNetwork({ edgesText: "source,target\na,b,c\n", directed: false })).toMatchObject({
      ok: false,
      line: 2,
    });
    expect(
      readCsvNetwork({ edgesText: "source,target\na,b\n", nodesText: "id,x\na,1\na,2\n", directed: false }),
    ).toMatchObject({ ok: false, line: 3 });
  });
  it("reads GraphML with keys, defaults, entities, CDATA and weights", () => {
    const text = fixture("triad.graphml");
    expect(isGraphml("x.xml", text)).toBe(true);
    expect(isGraphml("x.csv", text)).toBe(false);
    const network = readGraphmlNetwork({ text });
    if (!network.ok) throw new Error(network.message);
    expect(network.value.directed).toBe(true);
    expect(network.value.nodeIds).toEqual(["a", "b", "c", "d <quoted>"]);
    expect(network.value.attributes.group).toEqual(["red", "blue", "blue", "none"]);
    expect(network.value.edges).toEqual([
      { source: "a", target: "b", weight: 2.5 },
      { source: "b", target: "c" },
      { source: "c", target: "b", weight: 1 },
    ]);
  });
  it("refuses malformed GraphML with a line number", () => {
    expect(
      parseGraphml('<graphml>\n<graph edgedefault="undirected">\n<node id="a">\n</graph></graphml>'),
    ).toMatchObject({ ok: false, line: 4 });
    expect(parseGraphml('<graphml>\n<graph>\n<node id="a"/>\n<node id="a"/>\n</graph></graphml>')).toMatchObject({
      ok: false,
      line: 4,
      message: 'duplicate node id "a"',
    });
    expect(parseGraphml('<graphml>\n<graph>\n<edge source="a"/>\n</graph></graphml>')).toMatchObject({
      ok: false,
      line: 3,
    });
    expect(
      parseGraphml("<graphml><key id='k'/>\n<graph>\n<node id='a'><data key='x'>1</data></node>\n</graph></graphml>"),
    ).toMatchObject({ ok: false, line: 3 });
    expect(parseGraphml("hello")).toMatchObject({ ok: false });
  });
});

describe("file report", () => {
  it("counts isolated nodes in every normalization (the Medici at 0.452 with the Pucci)", () => {
    const network = readCsvNetwork({
      edgesText: fixture("florentine.csv"),
      nodesText: fixture("florentine-nodes.csv"),
      directed: false,
    });
    if (!network.ok) throw new Error(network.message);
    const report = analyzeNetwork(network.value);
    expect(report.nodes).toBe(16);
    expect(report.edges).toBe(20);
    expect(report.density).toBeCloseTo(20 / 120, 12);
    expect(report.node.Medici?.betweenness).toBeCloseTo(0.452, 3);
    expect(report.node.Medici?.betweenness_raw).toBeCloseTo(47.5, 9);
    expect(report.node.Pucci).toMatchObject({ degree: 0, betweenness: 0, constraint: null, effective_size: null });
    expect(report.openness_index).toBeNull();
    expect(report.reciprocity).toBeNull();
    expect(Object.keys(report.ei)).toEqual(["community", "faction", "note, quoted"]);
    expect(report.node.Medici?.brokerage).toBeNull();
  });
  it("gives directed networks reciprocity and brokerage roles by the first attribute", () => {
    const network = readGraphmlNetwork({ text: fixture("triad.graphml") });
    if (!network.ok) throw new Error(network.message);
    const report = analyzeNetwork(network.value);
    expect(report.reciprocity).toBeCloseTo(2 / 3, 12);
    // a (red) → b (blue) → c (blue), no a → c: b is a gatekeeper.
    expect(report.node.b?.brokerage?.gatekeeper).toBe(1);
    expect(report.node.b?.degree).toBe(3);
  });
});
