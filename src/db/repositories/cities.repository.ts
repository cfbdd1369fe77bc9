/** Cities. */
import { asc, eq } from "drizzle-orm";
import type { Database } from "../create-db";
import { cities } from "../schema/people";

export type CityRow = typeof cities.$inferSelect;
export type NewCity = typeof cities.$inferInsert;

export async function listCities(db: Database): Promise<CityRow[]> {
  return db.select().from(cities).orderBy(asc(cities.name));
}

export async function findCityBySlug(db: Database, slug: string): Promise<CityRow | undefined> {
  const [row] = await db.select().from(cities).where(eq(cities.slug, slug));
  return row;
}

export async function findCityById(db: Database, id: number): Promise<CityRow | undefined> {
  const [row] = await db.select().from(cities).where(eq(cities.id, id));
  return row;
}

/** Creates a city, or updates its names, zone and locale when the slug exists. */
export async function upsertCity(db: Database, city: NewCity): Promise<CityRow> {
  const [row] = await db
    .insert(cities)
    .values(city)
    .onConflictDoUpdate({
      target: cities.slug,
      set: {
        name: city.name,
        nameFr: city.nameFr,
        country: city.country,
        timeZone: city.timeZone,
        locale: city.locale,
      },
    })
    .returning();
  if (!row) throw new Error("upsert returned no city");
  return row;
}
