CREATE TABLE "moderation_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer,
	"subject_id" integer NOT NULL,
	"moderator_id" integer,
	"action" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_actions_action" CHECK ("moderation_actions"."action" in ('dismiss', 'warn', 'suspend', 'unsuspend')),
	CONSTRAINT "moderation_actions_note_length" CHECK (char_length("moderation_actions"."note") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "target_kind" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "target_id" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "city_id" integer;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_subject_id_members_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_moderator_id_members_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_actions_subject_idx" ON "moderation_actions" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_actions_report_idx" ON "moderation_actions" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "moderation_actions_moderator_idx" ON "moderation_actions" USING btree ("moderator_id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_reporter_created_idx" ON "reports" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_subject_idx" ON "reports" USING btree ("subject_id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_target_kind" CHECK ("reports"."target_kind" in ('member', 'trip', 'offer', 'event', 'offer_message', 'introduction_message'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_target_id" CHECK (("reports"."target_kind" = 'member') = ("reports"."target_id" is null));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reason" CHECK ("reports"."reason" in ('spam', 'harassment', 'inappropriate', 'fake_profile', 'safety', 'other'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_details_length" CHECK (char_length("reports"."details") <= 2000);