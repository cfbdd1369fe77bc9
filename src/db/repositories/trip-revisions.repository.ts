/**
 * A trip's revision (see `tripRevisions`): raised by the database, in the transaction of the change, whenever anything
 * the trip's offer views or agenda are made of changes. Read before what it stands for, a revision is never newer than
 * the rows read after it: a view kept under it is at worst older than its key, never newer.
 */
import { sql, type SQL } from "drizzle-orm";
import { tripRevisions } from "../schema/arrivals";

/** A trip's revision as an SQL expression: 0 until its first change. */
export function tripRevisionOf(tripId: unknown): SQL<number> {
  return sql<number>`coalesce((select ${tripRevisions.revision} from ${tripRevisions} where ${tripRevisions.tripId} = ${tripId}), 0)::int8`.mapWith(
    Number,
  );
}
