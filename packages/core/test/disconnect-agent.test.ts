import type { TAgentState } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import type { Agent, Conversation, Offer } from '../src/model';
import type { Tx } from '../src/ports';
import { DISCONNECTED_REASON, disconnectAgent } from '../src/use-cases/disconnect-agent';

const now = new Date('2025-01-01T12:00:00Z');
const queuedAt = new Date('2025-01-01T11:58:00Z');

/** The few parts of a transaction the use case touches, in memory, recording what it writes. */
const fakeTx = ({
  state,
  offers,
  conversations,
}: {
  state: TAgentState;
  offers: Offer[];
  conversations: Conversation[];
}) => {
  const agent: Agent = {
    id: 'alice',
    name: 'Alice',
    email: 'alice@example.com',
    role: 'agent',
    state,
    stateReason: null,
    stateSince: new Date('2025-01-01T09:00:00Z'),
    availableSince: null,
    chatLimit: 3,
    deactivatedAt: null,
  };
  const writes: string[] = [];
  const tx = {
    agents: {
      lock: async (id: string) => (id === agent.id ? { ...agent } : null),
      setState: async (input: { state: TAgentState; reason: string | null }) => {
        writes.push(`state ${input.state} ${input.reason}`);
      },
    },
    offers: {
      listPendingForAgent: async (userId: string) =>
        offers.filter((o) => o.userId === userId && o.status === 'pending'),
      lock: async (id: string) => offers.find((o) => o.id === id) ?? null,
      close: async (input: { id: string; status: string }) => {
        writes.push(`offer ${input.id} ${input.status}`);
      },
    },
    conversations: {
      lock: async (id: string) => conversations.find((c) => c.id === id) ?? null,
      update: async (id: string, patch: Partial<Conversation>) => {
        writes.push(`conversation ${id} ${JSON.stringify(patch)}`);
      },
    },
    timers: {
      cancel: async (input: { subjectId: string }) => {
        writes.push(`timer ${input.subjectId} cancelled`);
      },
    },
    routingRequests: { get: async () => null },
    conversationEvents: { append: async () => {} },
  } as unknown as Tx;
  return { tx, writes };
};

const conversation = (id: string, status: Conversation['status']): Conversation => ({
  id,
  channel: 'livechat',
  entryPointId: 'website',
  queueId: 'support',
  status,
  customerName: 'Melissa',
  customerEmail: null,
  customerLeft: false,
  arrivedAt: queuedAt,
  queuedAt,
  endedAt: null,
  requestId: null,
  narrowing: null,
});

const offer = (id: string, conversationId: string): Offer => ({
  id,
  conversationId,
  userId: 'alice',
  status: 'pending',
  offeredAt: now,
  deadlineAt: new Date(now.getTime() + 45_000),
  requestId: null,
});

describe('an agent whose desktop is gone', () => {
  it('goes offline as disconnected, and each pending offer goes back to its queue, keeping its place', async () => {
    const { tx, writes } = fakeTx({
      state: 'available',
      offers: [offer('o1', 'c1')],
      conversations: [conversation('c1', 'offered'), conversation('c2', 'active')],
    });
    const { value, events } = await disconnectAgent({ tx, now, agentId: 'alice' });
    expect(value).toEqual({ disconnected: true });
    expect(events).toEqual([
      {
        type: 'agent.state_changed',
        agentId: 'alice',
        state: 'offline',
        reason: DISCONNECTED_REASON,
        since: now,
      },
      { type: 'offer.closed', offerId: 'o1', conversationId: 'c1', agentId: 'alice', reason: 'withdrawn' },
      { type: 'capacity.freed', agentId: 'alice' },
      { type: 'conversation.queued', conversationId: 'c1', queueId: 'support' },
    ]);
    // Back to queued and nothing else: `queuedAt` is untouched; the active conversation is not.
    expect(writes).toEqual([
      'state offline disconnected',
      'offer o1 withdrawn',
      'timer o1 cancelled',
      'conversation c1 {"status":"queued"}',
    ]);
  });

  it('leaves an agent who is already offline alone', async () => {
    const { tx, writes } = fakeTx({ state: 'offline', offers: [], conversations: [] });
    expect(await disconnectAgent({ tx, now, agentId: 'alice' })).toEqual({
      value: { disconnected: false },
      events: [],
    });
    expect(writes).toEqual([]);
  });

  it('takes an agent offline from any other state, e.g. RONA', async () => {
    const { tx, writes } = fakeTx({ state: 'rona', offers: [], conversations: [] });
    const { events } = await disconnectAgent({ tx, now, agentId: 'alice' });
    expect(events.map((e) => e.type)).toEqual(['agent.state_changed']);
    expect(writes).toEqual(['state offline disconnected']);
  });
});
