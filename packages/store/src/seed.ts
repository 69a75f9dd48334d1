import { count, sql } from 'drizzle-orm';
import type { Db } from './db';
import {
  dispositions,
  entryPoints,
  idleReasons,
  queues,
  quickResponses,
  teamMembers,
  teams,
  users,
  wrapUpReasons,
  wrapUpTags,
} from './schema';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS = [
  { email: 'alice@example.com', name: 'Alice Agent', role: 'agent' },
  { email: 'bob@example.com', name: 'Bob Agent', role: 'agent' },
  { email: 'sam@example.com', name: 'Sam Supervisor', role: 'supervisor' },
  { email: 'ada@example.com', name: 'Ada Admin', role: 'admin' },
] as const;

// Any fixed number: processes starting at once on one empty database seed it once.
const SEED_LOCK_KEY = 7_215_003;

/**
 * Demo data, on first start only (an empty users table). `hashPassword` is injected: hashing is
 * the server's concern, and tests may pass a cheaper one. The emptiness check is made again under
 * a transaction-scoped advisory lock, together with the inserts, so two first starts at once seed
 * once.
 */
export const seedDemoData = async ({
  db,
  hashPassword,
}: {
  db: Db;
  hashPassword: (password: string) => Promise<string>;
}): Promise<{ seeded: boolean }> => {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) {
    return { seeded: false };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [again] = await tx.select({ n: count() }).from(users);
    if ((again?.n ?? 0) > 0) {
      return { seeded: false };
    }
    const [team] = await tx.insert(teams).values({ name: 'Frontline' }).returning();
    const inserted = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ ...u, passwordHash })))
      .returning();
    await tx
      .insert(teamMembers)
      .values(inserted.filter((u) => u.role === 'agent').map((u) => ({ teamId: team!.id, userId: u.id })));
    const [support] = await tx
      .insert(queues)
      .values([
        { name: 'Support', teamId: team!.id, priority: 0 },
        { name: 'Sales', teamId: team!.id, priority: 0 },
      ])
      .returning();
    await tx
      .insert(entryPoints)
      .values({ key: 'website', name: 'Website', channel: 'livechat', queueId: support!.id });
    await tx
      .insert(wrapUpReasons)
      .values(['Resolved', 'Follow-up needed', 'Spam'].map((name, position) => ({ name, position })));
    await tx
      .insert(idleReasons)
      .values(['Break', 'Lunch', 'Training'].map((name, position) => ({ name, position })));
    await tx
      .insert(dispositions)
      .values(['Information given', 'Sale', 'No sale'].map((name, position) => ({ name, position })));
    await tx
      .insert(wrapUpTags)
      .values(['Complaint', 'Delivery', 'Returns', 'VIP'].map((name, position) => ({ name, position })));
    await tx.insert(quickResponses).values(
      [
        ['Greeting', 'Hello {{customer_name}}, my name is {{agent_name}}. How can I help you today?'],
        [
          'Order status',
          'Thank you for waiting. Your order {{order_number}} left our warehouse on {{date}} and should reach you within two working days.',
        ],
        ['Anything else', 'Is there anything else I can help you with?'],
        ['Closing', 'Thank you for contacting us, {{customer_name}}. Have a nice day!'],
      ].map(([name, text], position) => ({ name: name!, text: text!, position })),
    );
    return { seeded: true };
  });
};
