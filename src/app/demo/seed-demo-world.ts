/**
 * Loads the demo world: the two contrasting ecosystems, their personas (one-click demo sign-in) and their roles.
 * On `npm start` in demo mode it runs once, on the first start; the CLI's `seed` runs it on demand.
 */
import { loadDemoWorld, type LoadedWorld } from "../../db/repositories/demo-world.repository";
import { grantRole } from "../../db/repositories/members.repository";
import { readSetting, writeSetting } from "../../db/repositories/settings.repository";
import { generateDemoWorld } from "../../domain/demo/generate-demo-world";
import type { DemoWorld } from "../../domain/demo/types";
import type { AppContext } from "../context";
import { demoPersonasKey, type DemoPersona } from "./demo-personas";

export const demoLoadedKey = "demo.loaded";
export const defaultDemoSeed = "givefirst";

export interface SeedOptions {
  seed?: number | string;
  membersPerCity?: number;
  log?: (line: string) => void;
  onProgress?: (rowsLoaded: number, totalRows: number) => void;
}

/** Loads the demo world unless one is loaded already; returns whether it loaded. */
export async function ensureDemoWorld(context: AppContext, options: SeedOptions = {}): Promise<boolean> {
  if (await readSetting(context.db, demoLoadedKey)) return false;
  options.log?.("Loading the demo world (Miami and Toulouse) on first start…");
  await seedDemoWorld(context, options);
  return true;
}

/** Generates and loads a demo world, then names its personas and grants their roles. */
export async function seedDemoWorld(
  context: Pick<AppContext, "db" | "executeSql" | "now">,
  options: SeedOptions = {},
): Promise<{ world: DemoWorld; loaded: LoadedWorld; rows: number }> {
  const world = generateDemoWorld({
    seed: options.seed ?? defaultDemoSeed,
    membersPerCity: options.membersPerCity ?? 2_000,
    now: context.now().toISOString(),
  });
  const totalRows = estimateRows(world);
  const loaded = await loadDemoWorld(context.executeSql, world, (rows) => options.onProgress?.(rows, totalRows));
  const personas = pickPersonas(world, loaded);
  for (const persona of personas) {
    if (persona.grant) await grantRole(context.db, persona.memberId, persona.grant.role, persona.grant.cityId);
  }
  await writeSetting(
    context.db,
    demoPersonasKey,
    personas.map(({ grant: _grant, ...persona }) => persona),
  );
  await writeSetting(context.db, demoLoadedKey, {
    seed: world.seed,
    membersPerCity: world.membersPerCity,
    at: world.now,
  });
  return { world, loaded, rows: loaded.rows };
}

/** Rows the loader writes, for a progress bar. */
export function estimateRows(world: DemoWorld): number {
  const invitations = world.events.reduce((sum, event) => sum + event.attendance.length * 2, 0);
  return (
    world.cities.length +
    world.venues.length +
    world.members.length * 2 +
    world.ties.count +
    world.follows.count +
    world.meetings.length * 2 +
    world.gifts.length +
    world.events.length +
    invitations +
    world.trips.length
  );
}

type PersonaDraft = DemoPersona & { grant?: { role: string; cityId: number | null } };

/** The members a visitor can be in one click: the story's newcomer, a local who knows his work, organisers, a young founder. */
function pickPersonas(world: DemoWorld, loaded: LoadedWorld): PersonaDraft[] {
  const nameOf = (index: number) =>
    `${world.members[index]?.firstName ?? ""} ${world.members[index]?.lastName ?? ""}`.trim();
  const persona = (index: number, role: string, grant?: PersonaDraft["grant"]): PersonaDraft => {
    const member = world.members[index];
    return {
      memberId: loaded.memberIds[index] ?? 0,
      name: nameOf(index),
      headline: member?.headline ?? "",
      city: member?.cityKey ?? null,
      role,
      ...(grant ? { grant } : {}),
    };
  };
  const drafts: PersonaDraft[] = [persona(world.story.entrepreneurIndex, "newcomer")];
  const follower = world.story.miamiFollowerIndices[0];
  if (follower !== undefined) drafts.push(persona(follower, "local_who_knows_your_work"));
  const taken = new Set(drafts.map((draft) => draft.memberId));
  const firstWhere = (predicate: (index: number) => boolean) => {
    for (let index = 0; index < world.members.length; index++) {
      if (!taken.has(loaded.memberIds[index] ?? -1) && predicate(index)) return index;
    }
    return undefined;
  };
  for (const city of world.cities) {
    const organiser = firstWhere((index) => {
      const member = world.members[index];
      return member?.cityKey === city.key && member.isActiveGiver && !member.isGatekeeper;
    });
    if (organiser !== undefined) {
      const draft = persona(organiser, "organiser", { role: "organiser", cityId: loaded.cityIds[city.key] ?? null });
      drafts.push(draft);
      taken.add(draft.memberId);
    }
  }
  const youngFounder = firstWhere((index) => {
    const member = world.members[index];
    return member?.cityKey === "toulouse" && member.careerStage === "first_time_founder" && member.isNewcomer;
  });
  if (youngFounder !== undefined) {
    const draft = persona(youngFounder, "young_founder");
    drafts.push(draft);
    taken.add(draft.memberId);
  }
  const moderator = firstWhere(
    (index) => world.members[index]?.cityKey === "miami" && !world.members[index]?.isDemoLocal,
  );
  if (moderator !== undefined) drafts.push(persona(moderator, "moderator", { role: "moderator", cityId: null }));
  return drafts;
}
