/** `cli seed`: loads a generated demo world into the app's database, with a progress bar. */
import { SingleBar, Presets } from "cli-progress";
import type { AppContext } from "../../app/context";
import { seedDemoWorld } from "../../app/demo/seed-demo-world";

export async function seedCommand(
  context: Pick<AppContext, "db" | "executeSql" | "now">,
  options: { members?: number; seed?: string },
): Promise<number> {
  const membersPerCity = options.members ?? 2_000;
  if (!Number.isInteger(membersPerCity) || membersPerCity < 50 || membersPerCity > 1_000_000) {
    console.error("--members: a whole number from 50 to 1,000,000 (members per city)");
    return 2;
  }
  const bar = new SingleBar(
    { format: "Loading {bar} {percentage}% | {value}/{total} rows | {duration}s", hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  const begin = performance.now();
  const { world, rows } = await seedDemoWorld(context, {
    membersPerCity,
    ...(options.seed !== undefined ? { seed: /^\d+$/.test(options.seed) ? Number(options.seed) : options.seed } : {}),
    onProgress: (loaded, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(Math.min(loaded, total));
    },
  });
  if (started) bar.stop();
  const seconds = (performance.now() - begin) / 1000;
  console.log(
    `Loaded the demo world (seed ${String(world.seed)}): ${world.members.length} members, ${world.ties.count} ties, ` +
      `${world.follows.count} follows, ${world.events.length} events; ${rows} rows in ${seconds.toFixed(1)} s ` +
      `(${Math.round(rows / seconds)} rows/s).`,
  );
  return 0;
}
