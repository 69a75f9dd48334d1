import type { TAgentState, TSupervisorAgent, TSupervisorAgentChannel } from '@switchboard/contracts';

export type AgentSortKey = 'name' | 'state' | 'held';
export type SortDirection = 'ascending' | 'descending';
export type AgentSort = { key: AgentSortKey; direction: SortDirection };

/**
 * States that need the supervisor first: RONA and Refused wait for the agent to choose Available
 * by hand (product.md, "Agent states and offers"); offline agents last.
 */
export const STATE_ORDER: Record<TAgentState, number> = {
  rona: 0,
  refused: 1,
  available: 2,
  idle: 3,
  offline: 4,
};

/** What the agent holds on every channel: `held` alone is live chat's. */
export const totalHeld = (agent: Pick<TSupervisorAgent, 'held' | 'channels'>): number =>
  agent.channels.length > 0 ? agent.channels.reduce((sum, c) => sum + c.held, 0) : agent.held;

/** The channels shown after the live-chat figure, in the server's order (livechat first). */
export const otherChannels = (agent: Pick<TSupervisorAgent, 'channels'>): TSupervisorAgentChannel[] =>
  agent.channels.filter((c) => c.channel !== 'livechat');

const byName = (a: TSupervisorAgent, b: TSupervisorAgent) =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

const compare: Record<AgentSortKey, (a: TSupervisorAgent, b: TSupervisorAgent) => number> = {
  name: byName,
  // Within one state, the one in it longest first: who has been stuck in RONA the longest.
  state: (a, b) =>
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    Date.parse(a.stateSince) - Date.parse(b.stateSince) ||
    byName(a, b),
  held: (a, b) => totalHeld(a) - totalHeld(b) || byName(a, b),
};

/** A sorted copy: a board re-sorted on every push must not reorder what the caller holds. */
export const sortAgents = (agents: readonly TSupervisorAgent[], sort: AgentSort): TSupervisorAgent[] => {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...agents].sort((a, b) => sign * compare[sort.key](a, b));
};

/** Clicking the sorted column reverses it; another column starts ascending. */
export const nextSort = (current: AgentSort, key: AgentSortKey): AgentSort =>
  current.key === key
    ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
    : { key, direction: 'ascending' };

export const isAtLimit = (agent: Pick<TSupervisorAgent, 'held' | 'limit'>): boolean =>
  agent.held >= agent.limit;
