import type { TChannel, TTransferTargets } from '@switchboard/contracts';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from './db';
import { QUEUE_ID, TEAM_ID, USER_ID } from './qualified-ids';
import {
  agentLimits,
  agentLoads,
  agentSkills,
  conversations,
  queueSkills,
  queues,
  teamMembers,
  teams,
  users,
} from './schema';
import { rowsOf } from './tx';

/** Read models of the Transfer and Conference dialogs. */
export const createTransferViews = (db: Db) => {
  /**
   * The Transfer and Conference dialogs' lists: every queue serving the channel with its waiting
   * count, every team and skill with how many of its agents are Available, every agent (not
   * deleted) with their state and their load and limit on the channel; each by name.
   */
  /**
   * What the Transfer and Conference dialogs offer on a channel to `asker`: they never list the
   * asker, nor count them among a team's or a skill's Available agents (no one transfers or
   * invites to themselves).
   */
  const listTransferTargets = async (channel: TChannel, asker: string): Promise<TTransferTargets> => {
    const queueRows = await db
      .select({
        id: queues.id,
        name: queues.name,
        waiting: sql<number>`(select count(*) from ${conversations} c
          where c.queue_id = ${QUEUE_ID} and c.status = 'queued')`,
      })
      .from(queues)
      .where(sql`${channel} = any(${queues.channels})`)
      .orderBy(asc(queues.name));
    const availableAgent = sql`u.state = 'available' and u.deactivated_at is null and u.role = 'agent'
      and u.id <> ${asker}::uuid`;
    const teamRows = await db
      .select({
        id: teams.id,
        name: teams.name,
        available: sql<number>`(select count(*) from ${teamMembers} tm join ${users} u on u.id = tm.user_id
          where tm.team_id = ${TEAM_ID} and ${availableAgent})`,
      })
      .from(teams)
      .orderBy(asc(teams.name));
    const skillRows = await db.execute(sql`
      select k.skill as name, (select count(*) from ${agentSkills} s join ${users} u on u.id = s.user_id
        where s.skill = k.skill and ${availableAgent}) as available
      from (select skill from ${agentSkills} union select skill from ${queueSkills}) k
      order by k.skill`);
    const agentRows = await db
      .select({
        id: users.id,
        name: users.name,
        state: users.state,
        load: sql<number>`coalesce((select l.held from ${agentLoads} l
          where l.user_id = ${USER_ID} and l.channel = ${channel}), 0)`,
        limit: sql<number>`coalesce((select m.max from ${agentLimits} m
          where m.user_id = ${USER_ID} and m.channel = ${channel}), ${users.chatLimit})`,
      })
      .from(users)
      .where(and(eq(users.role, 'agent'), isNull(users.deactivatedAt), ne(users.id, asker)))
      .orderBy(asc(users.name));
    return {
      queues: queueRows.map((q) => ({ ...q, waiting: Number(q.waiting) })),
      teams: teamRows.map((t) => ({ ...t, available: Number(t.available) })),
      skills: rowsOf<{ name: string; available: number | string }>(skillRows).map((s) => ({
        name: s.name,
        available: Number(s.available),
      })),
      agents: agentRows.map((a) => ({ ...a, load: Number(a.load), limit: Number(a.limit) })),
    };
  };

  return { listTransferTargets };
};
