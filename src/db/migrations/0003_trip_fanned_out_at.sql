ALTER TABLE "trips" ADD COLUMN "fanned_out_at" timestamp with time zone;--> statement-breakpoint
-- Trips announced before this column counted as fanned out: the sweep re-queues only trips announced from now on.
UPDATE "trips" SET "fanned_out_at" = "created_at";