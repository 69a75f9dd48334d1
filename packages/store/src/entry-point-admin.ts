import type { AdminTx, EntryPointConfig } from '@switchboard/core';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from './db';
import { conversations, entryPoints } from './schema';

type Conn = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
type Row = typeof entryPoints.$inferSelect;

/** Sealed secrets are stored as one JSON object of field to sealed value. */
const sealedOf = (text: string | null): Record<string, string> => {
  if (!text) {
    return {};
  }
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return {};
  }
};

export const entryPointConfigFrom = (row: Row): EntryPointConfig => ({
  id: row.id,
  key: row.key,
  name: row.name,
  channel: row.channel,
  queueId: row.queueId,
  settings: row.providerConfig,
  sealedSecrets: sealedOf(row.sealedSecrets),
  templates: row.templates,
  region: row.region,
  simulated: row.simulated,
  deletedAt: row.deletedAt,
});

/** The administrator's entry points (AdminTx.entryPoints) on a connection or a transaction. */
export const createEntryPointAdmin = (db: Conn): AdminTx['entryPoints'] => {
  const get = async (id: string) => {
    const [row] = await db.select().from(entryPoints).where(eq(entryPoints.id, id));
    return row ? entryPointConfigFrom(row) : null;
  };
  return {
    list: async () => {
      const rows = await db.select().from(entryPoints).orderBy(asc(entryPoints.name), asc(entryPoints.id));
      return rows.map(entryPointConfigFrom);
    },
    get,
    create: async (input) => {
      const id = crypto.randomUUID();
      const [row] = await db
        .insert(entryPoints)
        .values({
          id,
          // Live chat's widget key; provider entry points are addressed by id.
          key: input.channel === 'livechat' ? `chat-${id.slice(0, 8)}` : id,
          name: input.name,
          channel: input.channel,
          queueId: input.queueId,
          providerConfig: input.settings,
          sealedSecrets: JSON.stringify(input.sealedSecrets),
          templates: input.templates ?? [],
          region: input.region ?? null,
          simulated: input.simulated ?? false,
        })
        .returning();
      return entryPointConfigFrom(row!);
    },
    update: async (id, patch) => {
      const [row] = await db
        .update(entryPoints)
        .set({
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.queueId === undefined ? {} : { queueId: patch.queueId }),
          ...(patch.settings === undefined ? {} : { providerConfig: patch.settings }),
          ...(patch.sealedSecrets === undefined
            ? {}
            : { sealedSecrets: JSON.stringify(patch.sealedSecrets) }),
          ...(patch.templates === undefined ? {} : { templates: patch.templates }),
          ...(patch.region === undefined ? {} : { region: patch.region }),
        })
        .where(eq(entryPoints.id, id))
        .returning();
      return entryPointConfigFrom(row!);
    },
    markDeleted: async ({ id, at }) => {
      await db.update(entryPoints).set({ deletedAt: at }).where(eq(entryPoints.id, id));
    },
    listOpenConversationIds: async (id) => {
      const rows = await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.entryPointId, id), ne(conversations.status, 'ended')));
      return rows.map((r) => r.id);
    },
  };
};
