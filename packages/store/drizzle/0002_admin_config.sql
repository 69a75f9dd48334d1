CREATE TABLE "agent_limits" (
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"max" integer NOT NULL,
	CONSTRAINT "agent_limits_user_id_channel_pk" PRIMARY KEY("user_id","channel"),
	CONSTRAINT "agent_limits_max_range" CHECK ("agent_limits"."max" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "agent_skills" (
	"user_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"proficiency" integer NOT NULL,
	CONSTRAINT "agent_skills_user_id_skill_pk" PRIMARY KEY("user_id","skill"),
	CONSTRAINT "agent_skills_proficiency_range" CHECK ("agent_skills"."proficiency" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "queue_skills" (
	"queue_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"min_proficiency" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "queue_skills_queue_id_skill_pk" PRIMARY KEY("queue_id","skill"),
	CONSTRAINT "queue_skills_min_proficiency_range" CHECK ("queue_skills"."min_proficiency" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "channels" text[] DEFAULT ARRAY['livechat','whatsapp','sms','messenger']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agent_limits" ADD CONSTRAINT "agent_limits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_skills" ADD CONSTRAINT "agent_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_skills" ADD CONSTRAINT "queue_skills_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_skills_skill_idx" ON "agent_skills" USING btree ("skill","proficiency");