-- WhatsApp templates (issue 14): approved templates on entry points; a send job may carry one,
-- and one failed for good is kept (failed_at) so that a Retry sends it again as it was.
ALTER TABLE "entry_points" ADD COLUMN "templates" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "template" jsonb;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "failed_at" timestamp with time zone;