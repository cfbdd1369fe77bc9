/** `cli cities …` and `cli roles …`: an instance's administration from the command line. */
import type { AppContext } from "../../app/context";
import { createCity } from "../../app/admin/create-city";
import { grantMemberRole, revokeMemberRole, type GrantableRole } from "../../app/admin/grant-role";
import { listCities } from "../../app/list-cities";

export async function addCityCommand(
  context: AppContext,
  options: { slug: string; name: string; nameFr?: string; country: string; timeZone: string; locale: string },
): Promise<number> {
  if (options.locale !== "en" && options.locale !== "fr") {
    console.error("--locale: en or fr");
    return 2;
  }
  const city = await createCity(context, { ...options, locale: options.locale });
  console.log(`City ${city.slug} (${city.name}, ${city.timeZone}) saved with id ${city.id}.`);
  return 0;
}

export async function listCitiesCommand(context: AppContext): Promise<number> {
  for (const city of await listCities(context))
    console.log(`${city.slug}\t${city.name}\t${city.country}\t${city.timeZone}\t${city.locale}`);
  return 0;
}

export async function roleCommand(
  context: AppContext,
  action: "grant" | "revoke",
  options: { member: string; role: string; city?: string },
): Promise<number> {
  if (!["organiser", "moderator", "admin"].includes(options.role)) {
    console.error("role: organiser, moderator or admin");
    return 2;
  }
  const change = {
    member: options.member,
    role: options.role as GrantableRole,
    ...(options.city ? { citySlug: options.city } : {}),
  };
  if (action === "grant") {
    const { memberName } = await grantMemberRole(context, change);
    console.log(`${memberName} is now ${options.role}${options.city ? ` of ${options.city}` : ""}.`);
  } else {
    const { memberName, revoked } = await revokeMemberRole(context, change);
    console.log(revoked ? `${memberName} is no longer ${options.role}.` : `${memberName} did not have that role.`);
  }
  return 0;
}
