/**
 * The job queue (pg-boss on the app's database, both engines): a "short" queue keeps one waiting job per singleton
 * key however many sends name it (a busy trip used to queue one agenda re-solve per offer), a standard queue keeps
 * them all, and a queue created before its policy was set takes it on the next start.
 */
import pino from "pino";
import { afterEach, expect, it } from "vitest";
import { startJobQueue, type RunningQueue } from "../../src/jobs/pg-boss-queue";
import { describeOnDatabases } from "../support/databases";

describeOnDatabases("job queue policies", (database) => {
  let queue: RunningQueue | undefined;
  afterEach(async () => {
    await queue?.stop();
    queue = undefined;
  });

  const start = (queues: Parameters<typeof startJobQueue>[0]["queues"], names: string[]) =>
    startJobQueue({
      database: { executeSql: database().handle.executeSql },
      handlers: Object.fromEntries(names.map((name) => [name, async () => {}])),
      queues,
      logger: pino({ level: "silent" }),
      work: false,
    });
  const waiting = async (name: string) =>
    (
      await database().handle.executeSql(
        "select coalesce(singleton_key, '') as key, count(*)::int as n from pgboss.job where name = $1 and state = 'created' group by 1 order by 1",
        [name],
      )
    ).rows.map((row) => [row.key, row.n]);
  const policyOf = async (name: string) =>
    (await database().handle.executeSql("select policy from pgboss.queue where name = $1", [name])).rows[0]?.policy;
  const suffix = () => Math.random().toString(36).slice(2, 8);

  it("keeps one waiting job per key on a short queue, and every send on a standard one", async () => {
    const short = `test.short.${suffix()}`;
    const standard = `test.standard.${suffix()}`;
    queue = await start({ [short]: { policy: "short" } }, [short, standard]);
    for (let i = 0; i < 3; i++) {
      await queue.send(short, { tripId: 1 }, { singletonKey: "trip:1" });
      await queue.send(standard, { tripId: 1 }, { singletonKey: "trip:1" });
    }
    await queue.send(short, { tripId: 2 }, { singletonKey: "trip:2" });
    expect(await waiting(short)).toEqual([
      ["trip:1", 1],
      ["trip:2", 1],
    ]);
    expect(await waiting(standard)).toEqual([["trip:1", 3]]);
    expect(await policyOf(short)).toBe("short");
    expect(await policyOf(standard)).toBe("standard");
  });

  it("gives a queue created as standard its policy on the next start, and a process naming none leaves it", async () => {
    const name = `test.upgraded.${suffix()}`;
    queue = await start({}, [name]);
    expect(await policyOf(name)).toBe("standard");
    await queue.stop();
    queue = await start({ [name]: { policy: "short" } }, [name]);
    expect(await policyOf(name)).toBe("short");
    await queue.stop();
    queue = await start({}, [name]);
    expect(await policyOf(name)).toBe("short");
    for (let i = 0; i < 3; i++) await queue.send(name, {}, { singletonKey: "outbox" });
    expect(await waiting(name)).toEqual([["outbox", 1]]);
  });
});
