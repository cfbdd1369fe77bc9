/**
 * Offers as their views need them, in one statement: the offer, its sender, venue and meeting, and its slots and time
 * proposals aggregated as JSON by correlated subqueries. One prepared statement per kind of filter.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../create-db";
import { preparedStatement } from "../prepared";
import { meetings, offers, offerSlots, offerTimeProposals } from "../schema/arrivals";
import { blocks, members, venues } from "../schema/people";
import type { OfferRow } from "./offers.repository";

/** Which offers to load: one by id, a sender's, or a trip's as its traveller may see them (optionally one sender's). */
export type OfferFilter =
  { offerId: number } | { senderId: number } | { tripId: number; travellerId: number; senderId?: number };

export interface OfferSlotFacts {
  id: number;
  startsAt: Date;
  durationMin: number;
}

export interface TimeProposalFacts {
  id: number;
  startsAt: Date;
  durationMin: number;
  status: string;
  slotId: number | null;
}

/** Everything an offer view is made of, slots and proposals earliest first. */
export interface OfferViewRow {
  offer: OfferRow;
  sender: { id: number; name: string; headline: string; isDemo: boolean };
  venue: { id: number; name: string; address: string; lat: number | null; lon: number | null } | null;
  meetingId: number | null;
  slots: OfferSlotFacts[];
  proposals: TimeProposalFacts[];
}

/** At most this many offers per load, newest first. */
export const offerViewLimit = 200;

// Instants inside JSON arrive as text on both engines; they are parsed as drizzle parses a timestamptz column.
interface SlotJson {
  id: number;
  startsAt: string;
  durationMin: number;
}
interface ProposalJson extends SlotJson {
  status: string;
  slotId: number | null;
}

const slotsJson = sql<
  SlotJson[]
>`coalesce((select json_agg(json_build_object('id', ${offerSlots.id}, 'startsAt', ${offerSlots.startsAt}, 'durationMin', ${offerSlots.durationMin}) order by ${offerSlots.startsAt}, ${offerSlots.id}) from ${offerSlots} where ${offerSlots.offerId} = ${offers.id}), '[]'::json)`;

const proposalsJson = sql<
  ProposalJson[]
>`coalesce((select json_agg(json_build_object('id', ${offerTimeProposals.id}, 'startsAt', ${offerTimeProposals.startsAt}, 'durationMin', ${offerTimeProposals.durationMin}, 'status', ${offerTimeProposals.status}, 'slotId', ${offerTimeProposals.slotId}) order by ${offerTimeProposals.startsAt}, ${offerTimeProposals.id}) from ${offerTimeProposals} where ${offerTimeProposals.offerId} = ${offers.id}), '[]'::json)`;

const travellerId = sql.placeholder("travellerId");

/** Offers of a trip, hiding senders in a block with the traveller (either way). */
const ofTripVisibleToTraveller = and(
  eq(offers.tripId, sql.placeholder("tripId")),
  sql`not exists (select 1 from ${blocks} where (${blocks.blockerId} = ${travellerId} and ${blocks.blockedId} = ${offers.senderId}) or (${blocks.blockerId} = ${offers.senderId} and ${blocks.blockedId} = ${travellerId}))`,
);

const statementWhere: Record<string, SQL | undefined> = {
  offer_views_by_id: eq(offers.id, sql.placeholder("offerId")),
  offer_views_of_sender: eq(offers.senderId, sql.placeholder("senderId")),
  offer_views_of_trip: ofTripVisibleToTraveller,
  offer_views_of_trip_from_sender: and(ofTripVisibleToTraveller, eq(offers.senderId, sql.placeholder("senderId"))),
};

function statementName(filter: OfferFilter): string {
  if ("offerId" in filter) return "offer_views_by_id";
  if (!("tripId" in filter)) return "offer_views_of_sender";
  return filter.senderId === undefined ? "offer_views_of_trip" : "offer_views_of_trip_from_sender";
}

function buildStatement(db: Database, name: string) {
  return db
    .select({
      offer: offers,
      sender: { id: members.id, name: members.name, headline: members.headline, isDemo: members.isDemo },
      venue: { id: venues.id, name: venues.name, address: venues.address, lat: venues.lat, lon: venues.lon },
      meetingId: meetings.id,
      slots: slotsJson,
      proposals: proposalsJson,
    })
    .from(offers)
    .innerJoin(members, eq(members.id, offers.senderId))
    .leftJoin(venues, eq(venues.id, offers.venueId))
    .leftJoin(meetings, eq(meetings.offerId, offers.id))
    .where(statementWhere[name])
    .orderBy(desc(offers.createdAt), desc(offers.id))
    .limit(offerViewLimit)
    .prepare(name);
}

/** The offers the filter selects with everything their views show, newest first (at most `offerViewLimit`). */
export async function selectOfferViewRows(db: Database, filter: OfferFilter): Promise<OfferViewRow[]> {
  const name = statementName(filter);
  const statement = preparedStatement(db, name, (db) => buildStatement(db, name));
  const rows = await statement.execute(filter);
  return rows.map((row) => ({
    offer: row.offer,
    sender: row.sender,
    venue: row.venue?.id == null ? null : row.venue,
    meetingId: row.meetingId,
    slots: row.slots.map((slot) => ({ id: slot.id, startsAt: new Date(slot.startsAt), durationMin: slot.durationMin })),
    proposals: row.proposals.map((proposal) => ({
      id: proposal.id,
      startsAt: new Date(proposal.startsAt),
      durationMin: proposal.durationMin,
      status: proposal.status,
      slotId: proposal.slotId,
    })),
  }));
}
