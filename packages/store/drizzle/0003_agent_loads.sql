CREATE TABLE "agent_loads" (
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agent_loads_user_id_channel_pk" PRIMARY KEY("user_id","channel"),
	CONSTRAINT "agent_loads_held_not_negative" CHECK ("agent_loads"."held" >= 0)
);
--> statement-breakpoint
DROP INDEX "conversations_waiting_idx";--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "channel" text;--> statement-breakpoint
UPDATE "offers" o SET "channel" = c."channel" FROM "conversations" c WHERE c."id" = o."conversation_id";--> statement-breakpoint
ALTER TABLE "offers" ALTER COLUMN "channel" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "channel" text;--> statement-breakpoint
UPDATE "participants" p SET "channel" = c."channel" FROM "conversations" c WHERE c."id" = p."conversation_id";--> statement-breakpoint
ALTER TABLE "participants" ALTER COLUMN "channel" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_loads" ADD CONSTRAINT "agent_loads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_queue_status_idx" ON "conversations" USING btree ("queue_id","status");--> statement-breakpoint
CREATE INDEX "conversations_waiting_idx" ON "conversations" USING btree ("queue_id","channel","queued_at","id") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "users_ready_since_idx" ON "users" USING btree ((greatest(coalesce("available_since", "state_since"), "last_offered_at")),"id") WHERE state = 'available' and deactivated_at is null;--> statement-breakpoint
CREATE INDEX "users_last_offered_idx" ON "users" USING btree ("last_offered_at" NULLS FIRST,"id") WHERE state = 'available' and deactivated_at is null;--> statement-breakpoint
-- An agent's load per channel, kept by the database itself: every insert, update or delete of an
-- offer or a participation moves it in the same transaction, whichever code path made the change.
CREATE FUNCTION "agent_loads_add"(p_user uuid, p_channel text, p_delta integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	-- An update first: an upsert would check the proposed row (held = -1) before finding the conflict.
	UPDATE "agent_loads" SET "held" = "held" + p_delta WHERE "user_id" = p_user AND "channel" = p_channel;
	IF NOT FOUND THEN
		INSERT INTO "agent_loads" AS l ("user_id", "channel", "held") VALUES (p_user, p_channel, p_delta)
		ON CONFLICT ("user_id", "channel") DO UPDATE SET "held" = l."held" + excluded."held";
	END IF;
END $$;--> statement-breakpoint
CREATE FUNCTION "offers_count_load"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'pending' THEN
		PERFORM "agent_loads_add"(OLD."user_id", OLD."channel", -1);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'pending' THEN
		PERFORM "agent_loads_add"(NEW."user_id", NEW."channel", 1);
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "offers_count_load" AFTER INSERT OR DELETE OR UPDATE OF "status", "user_id", "channel" ON "offers"
	FOR EACH ROW EXECUTE FUNCTION "offers_count_load"();--> statement-breakpoint
CREATE FUNCTION "participants_count_load"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."state" IN ('active', 'wrapup') THEN
		PERFORM "agent_loads_add"(OLD."user_id", OLD."channel", -1);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."state" IN ('active', 'wrapup') THEN
		PERFORM "agent_loads_add"(NEW."user_id", NEW."channel", 1);
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "participants_count_load" AFTER INSERT OR DELETE OR UPDATE OF "state", "user_id", "channel" ON "participants"
	FOR EACH ROW EXECUTE FUNCTION "participants_count_load"();--> statement-breakpoint
-- TRUNCATE fires no row triggers: counted again from what is left.
CREATE FUNCTION "agent_loads_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "agent_loads";
	INSERT INTO "agent_loads" ("user_id", "channel", "held")
	SELECT "user_id", "channel", count(*)::integer FROM (
		SELECT "user_id", "channel" FROM "offers" WHERE "status" = 'pending'
		UNION ALL
		SELECT "user_id", "channel" FROM "participants" WHERE "state" IN ('active', 'wrapup')
	) live GROUP BY "user_id", "channel";
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "offers_recount_load" AFTER TRUNCATE ON "offers" FOR EACH STATEMENT EXECUTE FUNCTION "agent_loads_recount"();--> statement-breakpoint
CREATE TRIGGER "participants_recount_load" AFTER TRUNCATE ON "participants" FOR EACH STATEMENT EXECUTE FUNCTION "agent_loads_recount"();--> statement-breakpoint
INSERT INTO "agent_loads" ("user_id", "channel", "held")
SELECT "user_id", "channel", count(*)::integer FROM (
	SELECT "user_id", "channel" FROM "offers" WHERE "status" = 'pending'
	UNION ALL
	SELECT "user_id", "channel" FROM "participants" WHERE "state" IN ('active', 'wrapup')
) live GROUP BY "user_id", "channel";
