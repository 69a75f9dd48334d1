-- The agents' load counters are moved by the statements that write offers and participations,
-- by what core decides (lifecycle.ts loadChange), no longer by triggers deciding in SQL what counts.
-- The counters themselves are unchanged: they already equal the rows.
DROP TRIGGER IF EXISTS "offers_count_load" ON "offers";--> statement-breakpoint
DROP TRIGGER IF EXISTS "participants_count_load" ON "participants";--> statement-breakpoint
DROP TRIGGER IF EXISTS "offers_recount_load" ON "offers";--> statement-breakpoint
DROP TRIGGER IF EXISTS "participants_recount_load" ON "participants";--> statement-breakpoint
DROP FUNCTION IF EXISTS "offers_count_load"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "participants_count_load"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "agent_loads_recount"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "agent_loads_move"(boolean, boolean, uuid, text, uuid, text);--> statement-breakpoint
DROP FUNCTION IF EXISTS "agent_loads_add"(uuid, text, integer);
