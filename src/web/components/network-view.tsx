/**
 * The network of a city drawn with sigma.js (WebGL), communities coloured. Sigma is loaded lazily, so that pages
 * without a network do not pay for it; without WebGL the component says so and the text summary remains.
 */
import type Graph from "graphology";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export interface NetworkNode {
  id: string;
  label: string;
  community: number;
  x: number;
  y: number;
  size?: number;
  /** Shown to organisers: a gatekeeper (drawn highlighted and named) or the end of a bridge worth building. */
  highlight?: "gatekeeper" | "bridge";
}

export interface NetworkData {
  nodes: NetworkNode[];
  edges: { source: string; target: string }[];
}

/** Colour-blind-safe palette (Okabe–Ito) for communities. */
export const communityColors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

export function colorOf(community: number): string {
  return communityColors[community % communityColors.length] ?? "#555555";
}

export function NetworkView({ data, label }: { data: NetworkData; label: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let renderer: { kill(): void } | undefined;
    let cancelled = false;
    void (async () => {
      try {
        const [{ default: GraphClass }, { default: Sigma, DEFAULT_STYLES }] = await Promise.all([
          import("graphology"),
          import("sigma"),
        ]);
        if (cancelled || !container.current) return;
        const graph: Graph = new GraphClass();
        for (const node of data.nodes) {
          graph.addNode(node.id, {
            label: node.label,
            x: node.x,
            y: node.y,
            size: node.size ?? 5,
            color: colorOf(node.community),
            forceLabel: node.highlight === "gatekeeper",
          });
        }
        for (const edge of data.edges) {
          if (!graph.hasEdge(edge.source, edge.target))
            graph.addEdge(edge.source, edge.target, { color: "#c8c8c8", size: 1 });
        }
        renderer = new Sigma(graph, container.current, {
          // Sizes in pixels whatever the spread of the layout; gatekeepers keep their name on screen.
          settings: { itemSizesReference: "screen" },
          styles: {
            ...DEFAULT_STYLES,
            nodes: {
              ...DEFAULT_STYLES.nodes,
              labelVisibility: {
                whenData: "forceLabel",
                then: "visible",
                else: { whenState: "isHovered", then: "visible", else: "auto" },
              },
            },
          },
        });
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      renderer?.kill();
    };
  }, [data]);
  const communities = new Set(data.nodes.map((node) => node.community));
  const gatekeepers = data.nodes.filter((node) => node.highlight === "gatekeeper").length;
  const bridgeEnds = data.nodes.filter((node) => node.highlight === "bridge").length;
  return (
    <figure className="network">
      <div ref={container} className="network-canvas" role="img" aria-label={label} data-testid="network-canvas" />
      {failed ? <p className="notice">{t("report.noWebgl")}</p> : null}
      <figcaption>
        {label} —{" "}
        {t("report.networkSummary", {
          nodes: data.nodes.length,
          edges: data.edges.length,
          communities: communities.size,
        })}
        <ul className="legend">
          {[...communities]
            .sort((a, b) => a - b)
            .map((community) => (
              <li key={community}>
                <span className="swatch" style={{ background: colorOf(community) }} aria-hidden="true" />{" "}
                {t("report.community", { number: community + 1 })}
              </li>
            ))}
        </ul>
        {gatekeepers + bridgeEnds > 0 ? (
          <p className="hint">{t("report.highlighted", { gatekeepers, bridges: bridgeEnds })}</p>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** A small planted-partition graph (deterministic) to show the view before the report API exists. */
export function sampleNetwork(communities = 4, perCommunity = 12, seed = 7): NetworkData {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const nodes: NetworkNode[] = [];
  for (let community = 0; community < communities; community += 1) {
    const angle = (2 * Math.PI * community) / communities;
    for (let index = 0; index < perCommunity; index += 1) {
      nodes.push({
        id: `${community}-${index}`,
        label: `M${community * perCommunity + index + 1}`,
        community,
        x: Math.cos(angle) * 10 + (random() - 0.5) * 6,
        y: Math.sin(angle) * 10 + (random() - 0.5) * 6,
        size: 4 + random() * 4,
      });
    }
  }
  const edges: NetworkData["edges"] = [];
  for (const a of nodes) {
    for (const b of nodes) {
      if (a.id >= b.id) continue;
      const p = a.community === b.community ? 0.3 : 0.01;
      if (random() < p) edges.push({ source: a.id, target: b.id });
    }
  }
  return { nodes, edges };
}
