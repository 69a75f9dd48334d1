-- An agent's load row changes only when the count does. Ending a conversation (active to wrapup)
-- used to subtract one and add one on the agent's load row: no change, but a row lock held to the
-- end of the transaction, that routing and the agent's other conversations then queued behind.
CREATE OR REPLACE FUNCTION "participants_count_load"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	was boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD."state" IN ('active', 'wrapup');
	now_is boolean := TG_OP IN ('INSERT', 'UPDATE') AND NEW."state" IN ('active', 'wrapup');
BEGIN
	IF was AND now_is AND OLD."user_id" = NEW."user_id" AND OLD."channel" = NEW."channel" THEN
		RETURN NULL;
	END IF;
	IF was THEN
		PERFORM "agent_loads_add"(OLD."user_id", OLD."channel", -1);
	END IF;
	IF now_is THEN
		PERFORM "agent_loads_add"(NEW."user_id", NEW."channel", 1);
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "offers_count_load"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	was boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'pending';
	now_is boolean := TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'pending';
BEGIN
	IF was AND now_is AND OLD."user_id" = NEW."user_id" AND OLD."channel" = NEW."channel" THEN
		RETURN NULL;
	END IF;
	IF was THEN
		PERFORM "agent_loads_add"(OLD."user_id", OLD."channel", -1);
	END IF;
	IF now_is THEN
		PERFORM "agent_loads_add"(NEW."user_id", NEW."channel", 1);
	END IF;
	RETURN NULL;
END $$;
