/**
 * Who may see individuals in a city's analytics, and how individuals are named. Everyone sees aggregates; only the
 * city's organisers (and admins) see named gatekeepers, brokers and bridges; a member who opted out of analytics is
 * never named, whoever asks.
 */
import { findCityBySlug, type CityRow } from "../../db/repositories/cities.repository";
import { listMemberLabels } from "../../db/repositories/analytics.repository";
import { notFound } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";

/** How an individual appears in a report: named, or as a member who opted out. */
export interface PersonLabel {
  /** Null when the member opted out or left. */
  memberId: number | null;
  name: string;
  optedOut: boolean;
}

export const optedOutName = "a member who opted out";
export const departedName = "a former member";

export type ReportAudience = "public" | "organiser";

/** Organisers of the city and admins see individuals; suspended accounts see what the public sees. */
export function reportAudienceOf(
  viewer: Pick<ViewerInfo, "roles" | "suspended"> | null,
  citySlug: string,
): ReportAudience {
  if (!viewer || viewer.suspended) return "public";
  const isOrganiser = viewer.roles.some(
    (role) => role.role === "admin" || (role.role === "organiser" && role.citySlug === citySlug),
  );
  return isOrganiser ? "organiser" : "public";
}

/** The city of a slug, or not_found. */
export async function findReportCity(context: Pick<AppContext, "db">, slug: string): Promise<CityRow> {
  const city = await findCityBySlug(context.db, slug);
  if (!city) throw notFound("City");
  return city;
}

/** Labels for members, read now (not when the report was computed) so that a later opt-out takes effect at once. */
export async function labelMembers(
  context: Pick<AppContext, "db">,
  memberIds: readonly number[],
): Promise<(memberId: number) => PersonLabel> {
  const rows = await listMemberLabels(context.db, [...new Set(memberIds)]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (memberId) => {
    const row = byId.get(memberId);
    if (!row) return { memberId: null, name: departedName, optedOut: false };
    if (row.analyticsOptOut) return { memberId: null, name: optedOutName, optedOut: true };
    return { memberId: row.id, name: row.name, optedOut: false };
  };
}
