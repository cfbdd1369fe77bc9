/** Positions for the network view: communities on a circle, members spread around their community's centre. */
import type { CityNetwork } from "../api-types";
import type { NetworkData } from "../components/network-view";

/** A deterministic pseudo-random number in [0, 1) from an integer. */
function hashUnit(value: number): number {
  let hash = value | 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4_294_967_296;
}

export function layoutNetwork(network: CityNetwork, unnamed: (id: number) => string): NetworkData {
  const communities = [...network.communities].sort((a, b) => b.size - a.size);
  const slot = new Map(communities.map((community, index) => [community.id, index]));
  const largest = Math.max(1, ...communities.map((community) => community.size));
  const nodes = network.nodes.map((node) => {
    const index = slot.get(node.community) ?? 0;
    const angle = (2 * Math.PI * index) / Math.max(1, communities.length);
    // A circle long enough for the communities to sit side by side (each spreads up to 7 units from its centre).
    const ring = communities.length > 1 ? Math.max(10, (communities.length * 7) / Math.PI) : 0;
    const size = communities[index]?.size ?? 1;
    const spread = 2 + 5 * Math.sqrt(size / largest);
    const radius = spread * Math.sqrt(hashUnit(node.id * 2 + 1));
    const theta = 2 * Math.PI * hashUnit(node.id * 2 + 2);
    return {
      id: String(node.id),
      label: node.member?.name ?? unnamed(node.id),
      community: index,
      x: Math.cos(angle) * ring + Math.cos(theta) * radius,
      y: Math.sin(angle) * ring + Math.sin(theta) * radius,
      size: 2 + Math.min(8, Math.sqrt(node.degree)) + (node.isGatekeeper ? 3 : 0),
      ...(node.isGatekeeper
        ? { highlight: "gatekeeper" as const }
        : node.isBridgeEnd
          ? { highlight: "bridge" as const }
          : {}),
    };
  });
  return {
    nodes,
    edges: network.edges.map(([source, target]) => ({ source: String(source), target: String(target) })),
  };
}
