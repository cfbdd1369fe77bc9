import type { AgendaModel } from "./agenda-model";

/**
 * The model as a compact 0-1 program in CPLEX LP text, for cbc, glpsol and HiGHS (references and test oracles).
 * Overlaps are one row per start time (everything running at that instant), not one row per pair; only pairs that
 * clash by travel time alone get a row of their own. Variable x<p> is placement p; y<c> marks the first meeting
 * counted fully in a community.
 */
export function writeLp(model: AgendaModel): string {
  const lines: string[] = [];
  const row = (name: string, terms: readonly string[], sense: string): void => {
    lines.push(` ${name}:`);
    for (let index = 0; index < terms.length; index += 12) lines.push(`  ${terms.slice(index, index + 12).join(" ")}`);
    lines.push(`  ${sense}`);
  };
  const sum = (placements: readonly number[]): string[] =>
    placements.map((placement, index) => `${index === 0 ? "" : "+ "}x${placement}`);
  const objective: string[] = [];
  const decay = model.communities.length > 0 ? model.communityDecay : 1;
  model.placements.forEach((placement, index) => {
    const candidate = model.candidates[placement.candidate];
    if (candidate === undefined) return;
    const weight = candidate.community >= 0 ? decay * candidate.value : candidate.value;
    objective.push(`${objective.length === 0 ? "" : "+ "}${formatNumber(weight)} x${index}`);
  });
  model.candidates.forEach((candidate, index) => {
    if (candidate.community >= 0 && decay < 1)
      objective.push(`${objective.length === 0 ? "" : "+ "}${formatNumber((1 - decay) * candidate.value)} y${index}`);
  });
  lines.push("Maximize");
  if (objective.length === 0) objective.push("0 x0");
  row("value", objective, "");
  lines.pop();
  lines.push("Subject To");
  model.candidates.forEach((candidate, index) => {
    const own = model.placementsOfCandidate[index] ?? [];
    if (candidate.isLocked) row(`lock${index}`, own.length > 0 ? sum(own) : ["0 x0"], own.length > 0 ? "= 1" : "= 1");
    else if (own.length > 1) row(`one${index}`, sum(own), "<= 1");
    if (candidate.community >= 0 && decay < 1)
      row(`first${index}`, [`y${index}`, ...own.map((placement) => `- x${placement}`)], "<= 0");
  });
  const ofCounterpart: number[][] = model.counterparts.map(() => []);
  const ofDay: number[][] = model.days.map(() => []);
  model.placements.forEach((placement, index) => {
    const counterpart = model.candidates[placement.candidate]?.counterpart ?? -1;
    if (counterpart >= 0) ofCounterpart[counterpart]?.push(index);
    ofDay[placement.day]?.push(index);
  });
  ofCounterpart.forEach((list, index) => {
    if (new Set(list.map((placement) => model.placements[placement]?.candidate)).size > 1)
      row(`person${index}`, sum(list), "<= 1");
  });
  ofDay.forEach((list, index) => {
    if (list.length > model.maxPerDay) row(`day${index}`, sum(list), `<= ${model.maxPerDay}`);
  });
  model.communities.forEach((_, community) => {
    if (decay >= 1) return;
    const members = model.candidates
      .map((candidate, index) => (candidate.community === community ? `y${index}` : ""))
      .filter((name) => name !== "");
    row(
      `community${community}`,
      members.map((name, index) => (index === 0 ? name : `+ ${name}`)),
      "<= 1",
    );
  });
  // Interval cliques: at each start, every placement running then; skipped when the next start's set contains it.
  const order = model.placements
    .map((_, index) => index)
    .sort((a, b) => (model.placements[a]?.start ?? 0) - (model.placements[b]?.start ?? 0));
  let active: number[] = [];
  let cliques = 0;
  for (let i = 0; i < order.length; i++) {
    const placement = model.placements[order[i] as number];
    if (placement === undefined) continue;
    const time = placement.start;
    active = active.filter((other) => (model.placements[other]?.end ?? 0) > time);
    active.push(order[i] as number);
    const next = model.placements[order[i + 1] ?? -1];
    if (next !== undefined && next.start === time) continue;
    const isSubsumed = next !== undefined && active.every((other) => (model.placements[other]?.end ?? 0) > next.start);
    if (active.length >= 2 && !isSubsumed) row(`at${cliques++}`, sum(active), "<= 1");
  }
  let pairs = 0;
  model.placements.forEach((placement, index) => {
    for (let k = model.conflictOffsets[index] ?? 0; k < (model.conflictOffsets[index + 1] ?? 0); k++) {
      const other = model.conflictTargets[k] ?? 0;
      const second = model.placements[other];
      if (other <= index || second === undefined) continue;
      if (placement.start < second.end && second.start < placement.end) continue;
      row(`travel${pairs++}`, [`x${index}`, `+ x${other}`], "<= 1");
    }
  });
  lines.push("Binary");
  const names = model.placements.map((_, index) => `x${index}`);
  model.candidates.forEach((candidate, index) => candidate.community >= 0 && decay < 1 && names.push(`y${index}`));
  if (names.length === 0) names.push("x0");
  for (let index = 0; index < names.length; index += 20) lines.push(` ${names.slice(index, index + 20).join(" ")}`);
  lines.push("End", "");
  return lines.join("\n");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(15).replace(/0+$/, "");
}
