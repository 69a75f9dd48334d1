import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../src/errors';
import {
  CONVERSATION_MOVES,
  canMoveConversation,
  canMoveParticipation,
  checkQueueServes,
  checkTargetAgent,
  countsAgainstLoad,
  decideAccept,
  decideEnd,
  decideInvite,
  decideLeaveConference,
  decideOfferFailed,
  decideTransfer,
  type LifecycleSnapshot,
  loadChange,
  phaseOf,
  statusWhenOffered,
} from '../src/lifecycle';

const owner = { id: 'p-alice', userId: 'alice', state: 'active', role: 'owner' } as const;
const guest = { id: 'p-bob', userId: 'bob', state: 'active', role: 'guest' } as const;
const held: LifecycleSnapshot = {
  status: 'active',
  customerLeft: false,
  participants: [owner],
  pendingOffer: null,
};
const conference: LifecycleSnapshot = { ...held, participants: [owner, guest] };

const codeOf = (fn: () => unknown): ErrorCode | null => {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof AppError) {
      return err.code;
    }
    throw err;
  }
};

describe('the conversation lifecycle', () => {
  it('names the phase from the stored status and the agents taking part', () => {
    expect(phaseOf({ ...held, status: 'queued', participants: [] })).toBe('waiting');
    expect(phaseOf({ ...held, status: 'offered', participants: [] })).toBe('offered');
    expect(phaseOf(held)).toBe('active');
    expect(phaseOf(conference)).toBe('conference');
    expect(phaseOf({ ...conference, participants: [owner, { ...guest, state: 'wrapup' }] })).toBe('active');
    expect(phaseOf({ ...held, status: 'ended' })).toBe('ended');
  });

  it('allows only the listed moves; nothing leaves ended, and a participation only goes forward', () => {
    expect(CONVERSATION_MOVES.ended).toEqual([]);
    expect(canMoveConversation('active', 'queued')).toBe(true);
    expect(canMoveConversation('queued', 'active')).toBe(false);
    expect(canMoveParticipation('active', 'wrapup')).toBe(true);
    expect(canMoveParticipation('wrapup', 'active')).toBe(false);
    expect(canMoveParticipation('done', 'wrapup')).toBe(false);
  });

  it('counts live participations and pending offers against the load, nothing else', () => {
    expect(['active', 'wrapup', 'done'].map((s) => countsAgainstLoad.participation(s as 'done'))).toEqual([
      true,
      true,
      false,
    ]);
    expect(countsAgainstLoad.offer('pending')).toBe(true);
    expect(countsAgainstLoad.offer('accepted')).toBe(false);
  });
});

describe('a transfer', () => {
  it('to a queue: the agent leaves to wrap-up and the conversation waits', () => {
    expect(decideTransfer(held, { agentId: 'alice', target: { type: 'queue' } })).toEqual({
      leaving: 'p-alice',
      status: 'queued',
    });
  });

  it('to an agent: offered to them', () => {
    expect(
      decideTransfer(held, { agentId: 'alice', target: { type: 'agent', agentId: 'carol' } }).status,
    ).toBe('offered');
  });

  it('is refused with a reason, and changes nothing, when it cannot be made', () => {
    const toQueue = { type: 'queue' } as const;
    expect(codeOf(() => decideTransfer(held, { agentId: 'mallory', target: toQueue }))).toBe(
      'NOT_A_PARTICIPANT',
    );
    expect(
      codeOf(() => decideTransfer(held, { agentId: 'alice', target: { type: 'agent', agentId: 'alice' } })),
    ).toBe('TRANSFER_TO_SELF');
    expect(
      codeOf(() =>
        decideTransfer(
          { ...held, participants: [{ ...owner, state: 'wrapup' }] },
          { agentId: 'alice', target: toQueue },
        ),
      ),
    ).toBe('ALREADY_ENDED');
    expect(
      codeOf(() => decideTransfer({ ...held, customerLeft: true }, { agentId: 'alice', target: toQueue })),
    ).toBe('CUSTOMER_LEFT');
    expect(
      codeOf(() =>
        decideTransfer(
          { ...held, pendingOffer: { userId: 'bob', kind: 'conference' } },
          { agentId: 'alice', target: toQueue },
        ),
      ),
    ).toBe('REQUEST_PENDING');
    expect(codeOf(() => decideTransfer(conference, { agentId: 'alice', target: toQueue }))).toBe(
      'CONFERENCE_IN_PROGRESS',
    );
    expect(
      codeOf(() => decideTransfer({ ...held, status: 'ended' }, { agentId: 'alice', target: toQueue })),
    ).toBe('CONVERSATION_ENDED');
  });

  it('goes to an agent only if Available and under their limit', () => {
    const agent = { name: 'Carol', state: 'available', deactivatedAt: null } as const;
    expect(codeOf(() => checkTargetAgent({ agent, load: 1, limit: 2 }))).toBeNull();
    expect(codeOf(() => checkTargetAgent({ agent, load: 2, limit: 2 }))).toBe('AGENT_AT_LIMIT');
    expect(codeOf(() => checkTargetAgent({ agent: { ...agent, state: 'idle' }, load: 0, limit: 2 }))).toBe(
      'AGENT_NOT_AVAILABLE',
    );
    expect(
      codeOf(() => checkTargetAgent({ agent: { ...agent, deactivatedAt: new Date() }, load: 0, limit: 2 })),
    ).toBe('USER_NOT_FOUND');
  });
});

describe('a conference', () => {
  it('invites an agent not yet in it, one invitation at a time', () => {
    expect(codeOf(() => decideInvite(held, { agentId: 'alice', inviteeId: 'bob' }))).toBeNull();
    expect(codeOf(() => decideInvite(held, { agentId: 'alice', inviteeId: 'alice' }))).toBe(
      'ALREADY_IN_CONVERSATION',
    );
    expect(codeOf(() => decideInvite(conference, { agentId: 'alice', inviteeId: 'bob' }))).toBe(
      'ALREADY_IN_CONVERSATION',
    );
    expect(
      codeOf(() =>
        decideInvite(
          { ...held, pendingOffer: { userId: 'bob', kind: 'conference' } },
          { agentId: 'alice', inviteeId: 'carol' },
        ),
      ),
    ).toBe('REQUEST_PENDING');
  });

  it('accepted, adds a guest to an active conversation; a new offer needs an offered one', () => {
    expect(decideAccept(held, { kind: 'conference' })).toEqual({ role: 'guest', status: 'active' });
    expect(decideAccept({ ...held, status: 'offered' }, { kind: 'transfer' })).toEqual({
      role: 'owner',
      status: 'active',
    });
    expect(codeOf(() => decideAccept({ ...held, status: 'ended' }, { kind: 'conference' }))).toBe(
      'OFFER_CLOSED',
    );
    expect(codeOf(() => decideAccept(held, { kind: 'new' }))).toBe('OFFER_CLOSED');
  });

  it('End conference: the first agent leaves and the added agent holds it', () => {
    expect(decideLeaveConference(conference, { agentId: 'alice', how: 'end' })).toEqual({
      leaving: 'p-alice',
      promote: 'p-bob',
    });
    expect(codeOf(() => decideLeaveConference(conference, { agentId: 'bob', how: 'end' }))).toBe(
      'NOT_IN_CONFERENCE',
    );
  });

  it('Exit conference: the added agent leaves and the first keeps it', () => {
    expect(decideLeaveConference(conference, { agentId: 'bob', how: 'exit' })).toEqual({
      leaving: 'p-bob',
      promote: null,
    });
    expect(codeOf(() => decideLeaveConference(conference, { agentId: 'alice', how: 'exit' }))).toBe(
      'NOT_IN_CONFERENCE',
    );
    expect(codeOf(() => decideLeaveConference(held, { agentId: 'alice', how: 'exit' }))).toBe(
      'NOT_IN_CONFERENCE',
    );
  });

  it('End in a conference never ends the conversation for the customer', () => {
    expect(decideEnd(conference, { agentId: 'bob' })).toEqual({
      leaving: 'p-bob',
      promote: null,
      ends: false,
    });
    expect(decideEnd(conference, { agentId: 'alice' })).toEqual({
      leaving: 'p-alice',
      promote: 'p-bob',
      ends: false,
    });
    expect(decideEnd(held, { agentId: 'alice' })).toEqual({ leaving: 'p-alice', promote: null, ends: true });
  });
});

describe('an offer that is not accepted', () => {
  it('puts a new or transferred conversation back in its queue; an invitation leaves it with its agent', () => {
    const offered = { status: 'offered' } as const;
    expect(decideOfferFailed(offered, { kind: 'new', targetType: 'queue' })).toEqual({
      requeue: true,
      requestFailed: false,
    });
    expect(decideOfferFailed(offered, { kind: 'transfer', targetType: 'agent' })).toEqual({
      requeue: true,
      requestFailed: true,
    });
    expect(decideOfferFailed(offered, { kind: 'transfer', targetType: 'queue' })).toEqual({
      requeue: true,
      requestFailed: false,
    });
    expect(decideOfferFailed({ status: 'active' }, { kind: 'conference', targetType: 'agent' })).toEqual({
      requeue: false,
      requestFailed: true,
    });
  });
});

describe('what moves an agent’s load', () => {
  it('counts a pending offer and a live participation, each once, from when it is made to when it closes', () => {
    expect(loadChange.offer(null, 'pending')).toBe(1);
    for (const closed of ['accepted', 'rejected', 'timed_out', 'withdrawn'] as const) {
      expect(loadChange.offer('pending', closed)).toBe(-1);
    }
    expect(loadChange.participation(null, 'active')).toBe(1);
    // Wrap-up still counts (CXone: after-contact work holds the slot); done frees it.
    expect(loadChange.participation('active', 'wrapup')).toBe(0);
    expect(loadChange.participation('wrapup', 'done')).toBe(-1);
    expect(loadChange.participation('active', 'active')).toBe(0);
  });

  it('marks a conversation offered only for a routing run’s offer', () => {
    expect(statusWhenOffered('routing')).toBe('offered');
    expect(statusWhenOffered('transfer')).toBeNull();
    expect(statusWhenOffered('conference')).toBeNull();
  });
});

describe('a queue chosen for a transfer or a conference', () => {
  it('must serve the conversation’s channel', () => {
    const sales = { name: 'Sales', channels: ['whatsapp' as const] };
    expect(() => checkQueueServes(sales, 'whatsapp')).not.toThrow();
    expect(() => checkQueueServes(sales, 'livechat')).toThrow(
      expect.objectContaining({
        code: 'QUEUE_WRONG_CHANNEL',
        details: { queue: 'Sales', channel: 'livechat' },
      }),
    );
  });
});
