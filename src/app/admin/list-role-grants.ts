/** Every organiser, moderator and admin of the instance, for admins. */
import { listRoleGrants as listGrants } from "../../db/repositories/roles.repository";
import type { AppContext } from "../context";

export async function listRoleGrants(context: Pick<AppContext, "db">) {
  return listGrants(context.db);
}
