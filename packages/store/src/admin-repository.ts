import { CHANNELS, type TChannelLimits } from '@switchboard/contracts';
import {
  type AdminTx,
  AppError,
  type ErrorCode,
  type QueueConfig,
  type QuickResponseConfig,
  type ReasonConfig,
  type ReasonKind,
  type TeamConfig,
  type UserConfig,
  type UserWrite,
} from '@switchboard/core';
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { createEntryPointAdmin } from './entry-point-admin';
import {
  agentLimits,
  agentSkills,
  conversations,
  dispositions,
  entryPoints,
  idleReasons,
  participants,
  queueSkills,
  queues,
  quickResponses,
  sessions,
  teamMembers,
  teams,
  users,
  wrapUpReasons,
  wrapUpTags,
} from './schema';

type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Db | DbTx;

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** The unique indexes are the last guard against two concurrent requests taking one name. */
const unique = async <T>(code: ErrorCode, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(code);
    }
    throw err;
  }
};

const sameName = (column: AnyPgColumn, name: string) => sql`lower(${column}) = lower(${name})`;

const REASON_TABLES = {
  'wrap-up': wrapUpReasons,
  idle: idleReasons,
  disposition: dispositions,
  tag: wrapUpTags,
} as const satisfies Record<ReasonKind, unknown>;

const reasonTable = (kind: ReasonKind) => REASON_TABLES[kind];

const countOf = async (query: Promise<{ n: number }[]>): Promise<number> => Number((await query)[0]?.n ?? 0);

/** The administrator's configuration: queues, users, teams and reasons (core's AdminTx). */
export const createAdminRepository = (db: Conn): AdminTx => {
  const queueSkillsOf = async (ids: string[]) => {
    const rows = ids.length
      ? await db
          .select()
          .from(queueSkills)
          .where(inArray(queueSkills.queueId, ids))
          .orderBy(asc(queueSkills.skill))
      : [];
    return (id: string) =>
      rows.filter((r) => r.queueId === id).map((r) => ({ skill: r.skill, minProficiency: r.minProficiency }));
  };

  const readQueues = async (id?: string): Promise<QueueConfig[]> => {
    const rows = await db
      .select()
      .from(queues)
      .where(id ? eq(queues.id, id) : undefined)
      .orderBy(asc(queues.name));
    const skillsOf = await queueSkillsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      channels: r.channels,
      teamId: r.teamId,
      skills: skillsOf(r.id),
      priority: r.priority,
      offerTimeoutSeconds: r.offerTimeoutSeconds,
      noAnswerState: r.noAnswerState,
      strategy: r.strategy,
      serviceLevelSeconds: r.serviceLevelSeconds,
      responseTargetSeconds: r.responseTargetSeconds,
    }));
  };

  const writeQueueSkills = async (queueId: string, skills: QueueConfig['skills']) => {
    await db.delete(queueSkills).where(eq(queueSkills.queueId, queueId));
    if (skills.length > 0) {
      await db.insert(queueSkills).values(skills.map((s) => ({ queueId, ...s })));
    }
  };

  const readUsers = async (id?: string): Promise<UserConfig[]> => {
    const rows = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        chatLimit: users.chatLimit,
        deactivatedAt: users.deactivatedAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(id ? eq(users.id, id) : undefined)
      .orderBy(asc(users.name), asc(users.id));
    const ids = rows.map((r) => r.id);
    // One after the other: a transaction's connection runs one query at a time anyway.
    const memberships = ids.length
      ? await db.select().from(teamMembers).where(inArray(teamMembers.userId, ids))
      : [];
    const skills = ids.length
      ? await db
          .select()
          .from(agentSkills)
          .where(inArray(agentSkills.userId, ids))
          .orderBy(asc(agentSkills.skill))
      : [];
    const limits = ids.length
      ? await db.select().from(agentLimits).where(inArray(agentLimits.userId, ids))
      : [];
    return rows.map((r) => {
      const own = limits.filter((l) => l.userId === r.id);
      const resolved = Object.fromEntries(
        CHANNELS.map((c) => [c, own.find((l) => l.channel === c)?.max ?? r.chatLimit]),
      ) as TChannelLimits;
      return {
        id: r.id,
        email: r.email,
        name: r.name,
        role: r.role,
        teamIds: memberships.filter((m) => m.userId === r.id).map((m) => m.teamId),
        skills: skills
          .filter((s) => s.userId === r.id)
          .map((s) => ({ skill: s.skill, proficiency: s.proficiency })),
        limits: resolved,
        deactivatedAt: r.deactivatedAt,
        createdAt: r.createdAt,
      };
    });
  };

  const writeUserRelations = async (userId: string, write: UserWrite) => {
    if (write.teamIds) {
      await db.delete(teamMembers).where(eq(teamMembers.userId, userId));
      if (write.teamIds.length > 0) {
        await db.insert(teamMembers).values(write.teamIds.map((teamId) => ({ teamId, userId })));
      }
    }
    if (write.skills) {
      await db.delete(agentSkills).where(eq(agentSkills.userId, userId));
      if (write.skills.length > 0) {
        await db.insert(agentSkills).values(write.skills.map((s) => ({ userId, ...s })));
      }
    }
    for (const channel of CHANNELS) {
      const max = write.limits?.[channel];
      if (max === undefined) {
        continue;
      }
      await db
        .insert(agentLimits)
        .values({ userId, channel, max })
        .onConflictDoUpdate({ target: [agentLimits.userId, agentLimits.channel], set: { max } });
      if (channel === 'livechat') {
        // Routing reads users.chat_limit for live chat today: kept in step with the row.
        await db.update(users).set({ chatLimit: max }).where(eq(users.id, userId));
      }
    }
  };

  const readTeams = async (id?: string): Promise<TeamConfig[]> => {
    const rows = await db
      .select()
      .from(teams)
      .where(id ? eq(teams.id, id) : undefined)
      .orderBy(asc(teams.name));
    const ids = rows.map((r) => r.id);
    const members = ids.length
      ? await db
          .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
          .from(teamMembers)
          .where(inArray(teamMembers.teamId, ids))
          .orderBy(asc(teamMembers.userId))
      : [];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      memberIds: members.filter((m) => m.teamId === r.id).map((m) => m.userId),
    }));
  };

  const readReasons = async (kind: ReasonKind, id?: string): Promise<ReasonConfig[]> => {
    const table = reasonTable(kind);
    return db
      .select({ id: table.id, name: table.name, position: table.position })
      .from(table)
      .where(id ? eq(table.id, id) : undefined)
      .orderBy(asc(table.position), asc(table.name));
  };

  const readQuickResponses = async (id?: string): Promise<QuickResponseConfig[]> =>
    db
      .select({
        id: quickResponses.id,
        name: quickResponses.name,
        text: quickResponses.text,
        position: quickResponses.position,
      })
      .from(quickResponses)
      .where(id ? eq(quickResponses.id, id) : undefined)
      .orderBy(asc(quickResponses.position), asc(quickResponses.name));

  const first = <T>(rows: T[]): T | null => rows[0] ?? null;
  const must = <T>(rows: T[]): T => {
    const [row] = rows;
    if (!row) {
      throw new Error('row vanished inside its own transaction');
    }
    return row;
  };

  return {
    entryPoints: createEntryPointAdmin(db),
    queues: {
      list: () => readQueues(),
      get: async (id) => first(await readQueues(id)),
      findIdByName: async (name) =>
        (await db.select({ id: queues.id }).from(queues).where(sameName(queues.name, name)))[0]?.id ?? null,
      create: async ({ skills, ...input }) => {
        const [row] = await unique('NAME_TAKEN', () => db.insert(queues).values(input).returning());
        await writeQueueSkills(row!.id, skills);
        return must(await readQueues(row!.id));
      },
      update: async (id, { skills, ...patch }) => {
        if (Object.values(patch).some((v) => v !== undefined)) {
          await unique('NAME_TAKEN', () => db.update(queues).set(patch).where(eq(queues.id, id)));
        }
        if (skills) {
          await writeQueueSkills(id, skills);
        }
        return must(await readQueues(id));
      },
      delete: async (id) => {
        await db.delete(queues).where(eq(queues.id, id));
      },
      countUses: async (id) => ({
        entryPoints: await countOf(
          db.select({ n: count() }).from(entryPoints).where(eq(entryPoints.queueId, id)),
        ),
        openConversations: await countOf(
          db
            .select({ n: count() })
            .from(conversations)
            .where(and(eq(conversations.queueId, id), ne(conversations.status, 'ended'))),
        ),
        conversations: await countOf(
          db.select({ n: count() }).from(conversations).where(eq(conversations.queueId, id)),
        ),
      }),
    },
    teams: {
      list: () => readTeams(),
      get: async (id) => first(await readTeams(id)),
      findIdByName: async (name) =>
        (await db.select({ id: teams.id }).from(teams).where(sameName(teams.name, name)))[0]?.id ?? null,
      existing: async (ids) =>
        ids.length
          ? (
              await db
                .select({ id: teams.id })
                .from(teams)
                .where(inArray(teams.id, [...ids]))
            ).map((r) => r.id)
          : [],
      create: async (input) => {
        const [row] = await unique('NAME_TAKEN', () => db.insert(teams).values(input).returning());
        return must(await readTeams(row!.id));
      },
      update: async (id, patch) => {
        if (patch.name !== undefined) {
          await unique('NAME_TAKEN', () =>
            db.update(teams).set({ name: patch.name }).where(eq(teams.id, id)),
          );
        }
        return must(await readTeams(id));
      },
      delete: async (id) => {
        await db.delete(teams).where(eq(teams.id, id));
      },
      countQueues: (id) => countOf(db.select({ n: count() }).from(queues).where(eq(queues.teamId, id))),
    },
    users: {
      list: () => readUsers(),
      get: async (id) => first(await readUsers(id)),
      findIdByEmail: async (email) =>
        (await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`))[0]
          ?.id ?? null,
      create: async (input) => {
        const [row] = await unique('EMAIL_TAKEN', () =>
          db
            .insert(users)
            .values({
              email: input.email,
              name: input.name,
              role: input.role,
              passwordHash: input.passwordHash,
              ...(input.limits?.livechat === undefined ? {} : { chatLimit: input.limits.livechat }),
            })
            .returning({ id: users.id }),
        );
        await writeUserRelations(row!.id, input);
        return must(await readUsers(row!.id));
      },
      update: async (id, patch) => {
        const columns = {
          ...(patch.email === undefined ? {} : { email: patch.email }),
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.role === undefined ? {} : { role: patch.role }),
          ...(patch.passwordHash === undefined ? {} : { passwordHash: patch.passwordHash }),
        };
        if (Object.keys(columns).length > 0) {
          await unique('EMAIL_TAKEN', () => db.update(users).set(columns).where(eq(users.id, id)));
        }
        await writeUserRelations(id, patch);
        return must(await readUsers(id));
      },
      deactivate: async ({ id, at }) => {
        await db
          .update(users)
          .set({ deactivatedAt: at })
          .where(and(eq(users.id, id), isNull(users.deactivatedAt)));
      },
      revokeSessions: async (id) =>
        (await db.delete(sessions).where(eq(sessions.userId, id)).returning({ id: sessions.id })).map(
          (r) => r.id,
        ),
    },
    reasons: {
      list: (kind) => readReasons(kind),
      get: async (kind, id) => first(await readReasons(kind, id)),
      findIdByName: async (kind, name) => {
        const table = reasonTable(kind);
        return (
          (await db.select({ id: table.id }).from(table).where(sameName(table.name, name)))[0]?.id ?? null
        );
      },
      create: async (kind, input) => {
        const table = reasonTable(kind);
        const [row] = await unique('NAME_TAKEN', () =>
          db
            .insert(table)
            .values(input)
            .returning({ id: table.id, name: table.name, position: table.position }),
        );
        return row!;
      },
      update: async (kind, id, patch) => {
        const table = reasonTable(kind);
        const set = {
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.position === undefined ? {} : { position: patch.position }),
        };
        if (Object.keys(set).length > 0) {
          await unique('NAME_TAKEN', () => db.update(table).set(set).where(eq(table.id, id)));
        }
        return must(await readReasons(kind, id));
      },
      delete: async (kind, id) => {
        const table = reasonTable(kind);
        await db.delete(table).where(eq(table.id, id));
      },
      countUses: async (kind, id) =>
        kind === 'wrap-up'
          ? countOf(db.select({ n: count() }).from(participants).where(eq(participants.wrapUpReasonId, id)))
          : kind === 'disposition'
            ? countOf(db.select({ n: count() }).from(participants).where(eq(participants.dispositionId, id)))
            : 0,
    },
    quickResponses: {
      list: () => readQuickResponses(),
      get: async (id) => first(await readQuickResponses(id)),
      findIdByName: async (name) =>
        (
          await db
            .select({ id: quickResponses.id })
            .from(quickResponses)
            .where(sameName(quickResponses.name, name))
        )[0]?.id ?? null,
      create: async (input) =>
        must(await unique('NAME_TAKEN', () => db.insert(quickResponses).values(input).returning())),
      update: async (id, patch) => {
        const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
        if (Object.keys(set).length > 0) {
          await unique('NAME_TAKEN', () =>
            db.update(quickResponses).set(set).where(eq(quickResponses.id, id)),
          );
        }
        return must(await readQuickResponses(id));
      },
      delete: async (id) => {
        await db.delete(quickResponses).where(eq(quickResponses.id, id));
      },
    },
  };
};
