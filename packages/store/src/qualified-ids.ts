import { sql } from 'drizzle-orm';

/**
 * An outer row's id inside a correlated subquery, qualified by hand: in a one-table select Drizzle
 * writes `${table.id}` as a bare "id", which a subquery over a table with its own id column takes
 * for that table's (the transfer dialog's counts were all 0 until this was found).
 */
export const USER_ID = sql.raw('"users"."id"');
export const QUEUE_ID = sql.raw('"queues"."id"');
export const TEAM_ID = sql.raw('"teams"."id"');
export const CONVERSATION_ID = sql.raw('"conversations"."id"');
