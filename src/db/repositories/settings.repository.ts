/** Instance settings: a few named JSON values. */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../create-db";
import { instanceSettings } from "../schema/system";

export async function readSetting<T>(db: Database, key: string): Promise<T | undefined> {
  const [row] = await db
    .select({ value: instanceSettings.value })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, key));
  return row?.value as T | undefined;
}

export async function writeSetting(db: Database, key: string, value: unknown): Promise<void> {
  await db
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: sql`now()` } });
}
