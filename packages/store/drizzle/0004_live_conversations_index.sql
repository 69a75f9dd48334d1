DROP INDEX "conversations_queue_status_idx";--> statement-breakpoint
CREATE INDEX "conversations_live_idx" ON "conversations" USING btree ("queue_id","status") WHERE status in ('offered', 'active');