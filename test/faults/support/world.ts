/**
 * A small city for the fault tests, written straight into the database: travellers with trips open to members, and
 * locals with session cookies for a server that shares testSecret. Dates follow the real clock, because the server
 * under test runs on it.
 */
import { randomUUID } from "node:crypto";
import type { AppContext } from "../../../src/app/context";
import { insertMember, type MemberRow } from "../../../src/db/repositories/members.repository";
import { trips } from "../../../src/db/schema/arrivals";
import { users } from "../../../src/db/schema/auth";
import { createCity } from "../../support/factories";
import { sessionCookie } from "./server-process";

export interface WorldMember {
  member: MemberRow;
  cookie: string;
}

export interface FaultWorld {
  cityId: number;
  travellers: WorldMember[];
  locals: WorldMember[];
  tripIds: number[];
  /** A slot inside every trip's stay, in the future. */
  slotStartsAt: string;
}

const dayMs = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export async function addMember(
  context: Pick<AppContext, "db">,
  fields: { name: string; homeCityId?: number },
): Promise<WorldMember> {
  const userId = randomUUID();
  await context.db
    .insert(users)
    .values({ id: userId, name: fields.name, email: `${userId.slice(0, 12)}@example.test`, emailVerified: true });
  const member = await insertMember(context.db, { ...fields, userId });
  return { member, cookie: await sessionCookie(context, userId) };
}

/** Creates Miami with `travellers` × `tripsEach` trips (arriving in 20 days, for 3 days) and `locals` locals. */
export async function createFaultWorld(
  context: Pick<AppContext, "db">,
  counts: { travellers: number; tripsEach: number; locals: number },
): Promise<FaultWorld> {
  const city = await createCity(context);
  const arrival = Date.now() + 20 * dayMs;
  const travellers: WorldMember[] = [];
  const locals: WorldMember[] = [];
  const tripIds: number[] = [];
  for (let i = 0; i < counts.travellers; i++) {
    const traveller = await addMember(context, { name: `Traveller ${i}` });
    travellers.push(traveller);
    const rows = await context.db
      .insert(trips)
      .values(
        Array.from({ length: counts.tripsEach }, (_, j) => ({
          memberId: traveller.member.id,
          cityId: city.id,
          arrivalDate: isoDate(arrival),
          departureDate: isoDate(arrival + 3 * dayMs),
          seeks: `investors in fintech, trip ${j}`,
          availability: { weekly: {} },
          audience: "members",
          visibleUntil: new Date(arrival + 5 * dayMs),
        })),
      )
      .returning({ id: trips.id });
    tripIds.push(...rows.map((row) => row.id));
  }
  for (let i = 0; i < counts.locals; i++)
    locals.push(await addMember(context, { name: `Local ${i}`, homeCityId: city.id }));
  return {
    cityId: city.id,
    travellers,
    locals,
    tripIds,
    slotStartsAt: `${isoDate(arrival + dayMs)}T16:00:00Z`,
  };
}

/** The body of a coffee offer at the world's slot. */
export function coffeeOffer(world: FaultWorld, note: string) {
  return {
    kind: "coffee",
    message: `Happy to meet for a coffee (${note})`,
    slots: [{ startsAt: world.slotStartsAt, durationMinutes: 45 }],
    venue: { name: "Panther Coffee", address: "2390 NW 2nd Ave", lat: 25.8, lon: -80.19 },
  };
}
