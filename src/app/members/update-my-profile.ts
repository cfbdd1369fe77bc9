/** Updates the viewer's own profile; cities must exist, lists are de-duplicated. */
import type { MemberRow } from "../../db/repositories/members.repository";
import { findCityRefs, updateProfile, type ProfileFields } from "../../db/repositories/profiles.repository";
import { invalid } from "../../domain/errors";
import type { AppContext } from "../context";

const listFields = ["sectors", "tags", "givesTags", "seeksTags", "languages"] as const;

export async function updateMyProfile(
  context: AppContext,
  options: { memberId: number; fields: ProfileFields },
): Promise<MemberRow> {
  const fields: ProfileFields = { ...options.fields };
  for (const name of listFields) {
    const list = fields[name];
    if (list) fields[name] = [...new Set(list)];
  }
  const cityIds = [fields.homeCityId, fields.currentCityId].filter((id): id is number => typeof id === "number");
  const known = await findCityRefs(context.db, cityIds);
  for (const name of ["homeCityId", "currentCityId"] as const) {
    const id = fields[name];
    if (typeof id === "number" && !known.has(id)) throw invalid(name, `${name}: no city ${id}`);
  }
  return updateProfile(context.db, options.memberId, fields);
}
