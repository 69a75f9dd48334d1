-- WhatsApp templates (issue 14): approved templates on entry points; a send job may carry one.
ALTER TABLE "entry_points" ADD COLUMN "templates" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "template" jsonb;