CREATE TABLE "offer_time_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"offer_id" integer NOT NULL,
	"proposed_by_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_min" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"slot_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "offer_time_proposals_offer_start_unique" UNIQUE("offer_id","starts_at"),
	CONSTRAINT "offer_time_proposals_duration" CHECK ("offer_time_proposals"."duration_min" between 5 and 720),
	CONSTRAINT "offer_time_proposals_status" CHECK ("offer_time_proposals"."status" in ('pending', 'accepted'))
);
--> statement-breakpoint
ALTER TABLE "offer_time_proposals" ADD CONSTRAINT "offer_time_proposals_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_time_proposals" ADD CONSTRAINT "offer_time_proposals_proposed_by_id_members_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_time_proposals" ADD CONSTRAINT "offer_time_proposals_slot_id_offer_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."offer_slots"("id") ON DELETE set null ON UPDATE no action;