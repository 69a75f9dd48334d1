ALTER TABLE "conversations" ADD COLUMN "route_team_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "route_skill" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_route_team_id_teams_id_fk" FOREIGN KEY ("route_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_narrowed_waiting_idx" ON "conversations" USING btree ("queue_id","channel","queued_at") WHERE status = 'queued' and (route_team_id is not null or route_skill is not null);