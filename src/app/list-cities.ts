/** The cities of the instance. */
import { listCities as listCityRows, type CityRow } from "../db/repositories/cities.repository";
import type { AppContext } from "./context";

export async function listCities(context: AppContext): Promise<CityRow[]> {
  return listCityRows(context.db);
}
