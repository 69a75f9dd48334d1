import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from './db';
import { sessions, users } from './schema';

export interface SessionRecord {
  id: string;
  userId: string;
  role: 'agent' | 'supervisor' | 'admin';
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Users' credentials and agent sessions. Tokens arrive here already hashed. */
export const createAuthRepository = (db: Db) => ({
  findUserByEmail: async (email: string) => {
    const [row] = await db
      .select({ id: users.id, passwordHash: users.passwordHash, name: users.name })
      .from(users)
      // A deactivated user cannot log in; the same answer as an unknown address.
      .where(and(eq(users.email, email), isNull(users.deactivatedAt)));
    return row ?? null;
  },
  createSession: async (input: {
    userId: string;
    tokenHash: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
  }) => {
    await db.insert(sessions).values({
      userId: input.userId,
      tokenHash: input.tokenHash,
      csrfToken: input.csrfToken,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: input.expiresAt,
    });
  },
  /** Of these sessions, those still live (not expired, their user not deactivated). */
  findLiveSessionIds: async ({ ids, now }: { ids: string[]; now: Date }): Promise<Set<string>> => {
    if (ids.length === 0) {
      return new Set();
    }
    const rows = await db
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(inArray(sessions.id, ids), gt(sessions.expiresAt, now), isNull(users.deactivatedAt)));
    return new Set(rows.map((r) => r.id));
  },
  findLiveSession: async ({
    tokenHash,
    now,
  }: {
    tokenHash: string;
    now: Date;
  }): Promise<SessionRecord | null> => {
    const [row] = await db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        role: users.role,
        csrfToken: sessions.csrfToken,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), isNull(users.deactivatedAt)),
      );
    return row ?? null;
  },
  touchSession: async ({ id, now, expiresAt }: { id: string; now: Date; expiresAt: Date }) => {
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  },
  deleteSession: async (id: string) => {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  deleteExpiredSessions: async (now: Date) => {
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
  },
  countLiveSessions: async ({ userId, now }: { userId: string; now: Date }) => {
    const rows = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
    return rows.length;
  },
});

export type AuthRepository = ReturnType<typeof createAuthRepository>;
