CREATE TABLE "conversation_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"queue_id" uuid,
	"channel" text NOT NULL,
	"agent_id" uuid,
	"by_agent_id" uuid,
	"request_id" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "routing_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"from_queue_id" uuid,
	"comment" text,
	"status" text NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "audience" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "role" text DEFAULT 'owner' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD CONSTRAINT "conversation_events_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_requests" ADD CONSTRAINT "routing_requests_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_requests" ADD CONSTRAINT "routing_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_requests" ADD CONSTRAINT "routing_requests_from_queue_id_queues_id_fk" FOREIGN KEY ("from_queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_events_conversation_idx" ON "conversation_events" USING btree ("conversation_id","id");--> statement-breakpoint
CREATE INDEX "conversation_events_at_idx" ON "conversation_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "routing_requests_conversation_idx" ON "routing_requests" USING btree ("conversation_id","requested_at");--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_request_id_routing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."routing_requests"("id") ON DELETE no action ON UPDATE no action;