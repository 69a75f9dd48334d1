-- An agent's load row changes only when the count does. Ending a conversation (active to wrapup)
-- used to subtract one and add one on the agent's load row: no change, but a row lock held to the
-- end of the transaction, that routing and the agent's other conversations then queued behind.
-- One function moves a row's count (from its old agent and channel, to its new), for both triggers.
CREATE FUNCTION "agent_loads_move"(was boolean, now_is boolean, old_user uuid, old_channel text, new_user uuid, new_channel text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF was AND now_is AND old_user = new_user AND old_channel = new_channel THEN
		RETURN;
	END IF;
	IF was THEN
		PERFORM "agent_loads_add"(old_user, old_channel, -1);
	END IF;
	IF now_is THEN
		PERFORM "agent_loads_add"(new_user, new_channel, 1);
	END IF;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "participants_count_load"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "agent_loads_move"(
		TG_OP IN ('UPDATE', 'DELETE') AND OLD."state" IN ('active', 'wrapup'),
		TG_OP IN ('INSERT', 'UPDATE') AND NEW."state" IN ('active', 'wrapup'),
		OLD."user_id", OLD."channel", NEW."user_id", NEW."channel");
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "offers_count_load"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "agent_loads_move"(
		TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'pending',
		TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'pending',
		OLD."user_id", OLD."channel", NEW."user_id", NEW."channel");
	RETURN NULL;
END $$;
