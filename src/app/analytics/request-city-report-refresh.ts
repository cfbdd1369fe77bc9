/** An organiser asks for the city's report to be recomputed now (queued; the dashboard polls the report). */
import { AppError } from "../../domain/errors";
import type { AppContext } from "../context";
import type { ViewerInfo } from "../get-viewer";
import { findReportCity, reportAudienceOf } from "./city-report-access";
import { queueCityReportRefresh } from "./queue-city-report-refresh";

/** Queues a refresh without delay; only the city's organisers and admins may ask. */
export async function requestCityReportRefresh(
  context: AppContext,
  input: { citySlug: string; viewer: ViewerInfo | null },
): Promise<{ queued: true; city: { slug: string; name: string } }> {
  const city = await findReportCity(context, input.citySlug);
  if (!input.viewer) throw new AppError("unauthenticated", "Sign in first");
  if (reportAudienceOf(input.viewer, city.slug) !== "organiser")
    throw new AppError("forbidden", "Only the city's organisers can refresh its report");
  await queueCityReportRefresh(context, city.id, { startAfterSeconds: 0 });
  return { queued: true, city: { slug: city.slug, name: city.name } };
}
