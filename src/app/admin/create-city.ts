/** Creates (or updates) a city; its time zone must be a real IANA zone, since every date in it depends on it. */
import { Temporal } from "temporal-polyfill";
import { upsertCity, type CityRow } from "../../db/repositories/cities.repository";
import { invalid } from "../../domain/errors";
import type { AppContext } from "../context";

export interface CreateCityInput {
  slug: string;
  name: string;
  nameFr?: string;
  country: string;
  timeZone: string;
  locale: "en" | "fr";
}

export function isTimeZone(zone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

export async function createCity(context: Pick<AppContext, "db">, input: CreateCityInput): Promise<CityRow> {
  if (!/^[a-z0-9-]{2,64}$/.test(input.slug))
    throw invalid("slug", "slug: use 2 to 64 lowercase letters, digits or dashes");
  if (input.name.trim().length === 0 || input.name.length > 120) throw invalid("name", "name: 1 to 120 characters");
  if (!/^[A-Z]{2}$/.test(input.country))
    throw invalid("country", "country: an ISO 3166-1 alpha-2 code such as FR or US");
  if (!isTimeZone(input.timeZone)) throw invalid("timeZone", `timeZone: unknown IANA time zone "${input.timeZone}"`);
  return upsertCity(context.db, {
    slug: input.slug,
    name: input.name.trim(),
    nameFr: input.nameFr?.trim() || null,
    country: input.country,
    timeZone: input.timeZone,
    locale: input.locale,
  });
}
