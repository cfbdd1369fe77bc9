CREATE TABLE "trip_revisions" (
	"trip_id" integer PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trip_revisions" ADD CONSTRAINT "trip_revisions_trip_id_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."trips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offers_event_idx" ON "offers" USING btree ("event_id") WHERE "offers"."event_id" is not null;--> statement-breakpoint
-- Raises the revision of each of these trips that still exists (a deleted trip's rows go with it).
CREATE FUNCTION "bump_trip_revisions"("changed" integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "trip_revisions" AS "r" ("trip_id", "revision")
  SELECT "trips"."id", 1 FROM "trips" WHERE "trips"."id" = ANY ("changed") ORDER BY "trips"."id"
  ON CONFLICT ("trip_id") DO UPDATE SET "revision" = "r"."revision" + 1
$$;
--> statement-breakpoint
-- The triggers below are deferred to the commit: a trip's revision row is locked only while its transaction commits,
-- so that offers sent to the same trip at once do not wait on each other for the whole of their transactions.
-- Rows that name their trip: offers, busy times, alerts, meetings (whose offer is the trip's too).
CREATE FUNCTION "note_trip_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'meetings' THEN
    PERFORM "bump_trip_revisions"(ARRAY[OLD."trip_id", NEW."trip_id"] || ARRAY(
      SELECT "offers"."trip_id" FROM "offers" WHERE "offers"."id" IN (OLD."offer_id", NEW."offer_id")));
  ELSE
    PERFORM "bump_trip_revisions"(ARRAY[OLD."trip_id", NEW."trip_id"]);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Rows of an offer: its slots and time proposals.
CREATE FUNCTION "note_offer_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_trip_revisions"(ARRAY(
    SELECT "offers"."trip_id" FROM "offers" WHERE "offers"."id" IN (OLD."offer_id", NEW."offer_id")));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- What offers show of others: the sender (a member), the venue, the event; and a block of or by a traveller.
CREATE FUNCTION "note_shown_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CASE TG_TABLE_NAME
    WHEN 'members' THEN
      PERFORM "bump_trip_revisions"(ARRAY(SELECT "trip_id" FROM "offers" WHERE "sender_id" = NEW."id"));
    WHEN 'venues' THEN
      PERFORM "bump_trip_revisions"(ARRAY(SELECT "trip_id" FROM "offers" WHERE "venue_id" = NEW."id"));
    WHEN 'events' THEN
      PERFORM "bump_trip_revisions"(ARRAY(SELECT "trip_id" FROM "offers" WHERE "event_id" = NEW."id"));
    WHEN 'blocks' THEN
      PERFORM "bump_trip_revisions"(ARRAY(SELECT "id" FROM "trips" WHERE "member_id" IN (
        OLD."blocker_id", OLD."blocked_id", NEW."blocker_id", NEW."blocked_id")));
  END CASE;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "offers_trip_revision" AFTER INSERT OR UPDATE OR DELETE ON "offers"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_trip_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "busy_times_trip_revision" AFTER INSERT OR UPDATE OR DELETE ON "busy_times"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_trip_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "alerts_trip_revision" AFTER INSERT OR UPDATE OF "score", "trip_id", "member_id" OR DELETE ON "alerts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_trip_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "meetings_trip_revision" AFTER INSERT OR UPDATE OR DELETE ON "meetings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_trip_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "offer_slots_trip_revision" AFTER INSERT OR UPDATE OR DELETE ON "offer_slots"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_offer_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "offer_time_proposals_trip_revision" AFTER INSERT OR UPDATE OR DELETE ON "offer_time_proposals"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_offer_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "members_trip_revision" AFTER UPDATE OF "name", "headline", "is_demo" ON "members"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."headline" IS DISTINCT FROM NEW."headline" OR OLD."is_demo" IS DISTINCT FROM NEW."is_demo")
  EXECUTE FUNCTION "note_shown_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "venues_trip_revision" AFTER UPDATE ON "venues"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_shown_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "events_trip_revision" AFTER UPDATE OF "seats_taken" ON "events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_shown_change"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "blocks_trip_revision" AFTER INSERT OR UPDATE OR DELETE ON "blocks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "note_shown_change"();
