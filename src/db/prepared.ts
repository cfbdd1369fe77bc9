/**
 * Prepared statements for the hot read queries: drizzle builds each query's SQL once per database handle instead of
 * on every request, and PostgreSQL parses it once per connection (a named statement). A transaction handle gets its
 * own, built on first use.
 */
import type { Database } from "./create-db";

const statements = new WeakMap<Database, Map<string, unknown>>();

/** The statement `name` of this database handle, built by `build` the first time. Names must be unique. */
export function preparedStatement<T>(db: Database, name: string, build: (db: Database) => T): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    byName.set(name, statement);
  }
  return statement;
}
