/**
 * The `trips.expire` job: marks trips past their last shown day as expired. Lists already hide them at query time
 * (`visibleUntil`); the status makes the change visible to the traveller and to reports.
 */
import { expirePastTrips } from "../../db/repositories/trips.repository";
import type { AppContext } from "../context";

export async function expireTrips(context: Pick<AppContext, "db" | "now">): Promise<number> {
  return expirePastTrips(context.db, context.now());
}
