import type { TChannel } from '@switchboard/contracts';
import { AppError } from './errors';
import type {
  Agent,
  ConversationStatus,
  OfferStatus,
  Participant,
  ParticipationState,
  Queue,
  RoutingRequestKind,
  RoutingTargetType,
} from './model';

/**
 * One conversation's lifecycle and its participations', in one place: which states there are,
 * which moves between them are allowed, and who may make them. Use cases read the rows, ask here,
 * and write what is decided; the store keeps the writes atomic and decides nothing.
 *
 * The conversation's phases (stored status plus its live participations):
 *   waiting ──offer──▶ offered ──accept──▶ active ──accept invitation──▶ conference
 *      ▲                  │                  │ │                           │
 *      └──reject/timeout──┘◀──transfer(agent)┘ └─transfer(queue)──▶ waiting │
 *   active ──last agent ends──▶ ended;  conference ──End/Exit conference──▶ active
 * A participation: active ──end/leave/transfer──▶ wrapup ──submit wrap-up──▶ done.
 */
export type ConversationPhase = 'waiting' | 'offered' | 'active' | 'conference' | 'ended';

/** What a lifecycle decision needs to know about a conversation, read under its row lock. */
export interface LifecycleSnapshot {
  status: ConversationStatus;
  customerLeft: boolean;
  /** Live participations (active or wrap-up). */
  participants: readonly Pick<Participant, 'id' | 'userId' | 'state' | 'role'>[];
  /** The pending offer, if any, with the kind of request it answers. */
  pendingOffer: { userId: string; kind: RoutingRequestKind } | null;
}

export const CONVERSATION_MOVES: Readonly<Record<ConversationStatus, readonly ConversationStatus[]>> = {
  queued: ['offered', 'ended'],
  offered: ['active', 'queued', 'ended'],
  // To 'queued' or 'offered' by a transfer; to 'ended' when the last agent ends.
  active: ['queued', 'offered', 'ended'],
  ended: [],
};

export const PARTICIPATION_MOVES: Readonly<Record<ParticipationState, readonly ParticipationState[]>> = {
  active: ['wrapup'],
  wrapup: ['done'],
  done: [],
};

export const canMoveConversation = (from: ConversationStatus, to: ConversationStatus): boolean =>
  CONVERSATION_MOVES[from].includes(to);

export const canMoveParticipation = (from: ParticipationState, to: ParticipationState): boolean =>
  PARTICIPATION_MOVES[from].includes(to);

/**
 * What counts against an agent's limit on a channel: a live participation (active or in wrap-up)
 * and a pending offer, conference invitations included. The store keeps a counter per agent and
 * channel (agent_loads) that routing reads; it moves it by `loadChange`, which use cases pass with
 * every write of an offer or a participation, in the statement of that write. The routing
 * property test checks the counters against the rows after every step.
 */
export const countsAgainstLoad = {
  participation: (state: ParticipationState): boolean => state === 'active' || state === 'wrapup',
  offer: (status: OfferStatus): boolean => status === 'pending',
};

const counted = <S>(counts: (s: S) => boolean, s: S | null): number => (s !== null && counts(s) ? 1 : 0);

/**
 * How an agent's load on the channel changes when one of their offers or participations moves
 * from one state to another (null: not there before, or not after): -1, 0 or +1.
 */
export const loadChange = {
  offer: (from: OfferStatus | null, to: OfferStatus | null): number =>
    counted(countsAgainstLoad.offer, to) - counted(countsAgainstLoad.offer, from),
  participation: (from: ParticipationState | null, to: ParticipationState | null): number =>
    counted(countsAgainstLoad.participation, to) - counted(countsAgainstLoad.participation, from),
};

const activeOf = (s: LifecycleSnapshot) => s.participants.filter((p) => p.state === 'active');

export const phaseOf = (s: LifecycleSnapshot): ConversationPhase => {
  switch (s.status) {
    case 'queued':
      return 'waiting';
    case 'offered':
      return 'offered';
    case 'ended':
      return 'ended';
    case 'active':
      return activeOf(s).length > 1 ? 'conference' : 'active';
  }
};

/** The agent's active participation, or why they may not act on the conversation. */
const requireActive = (s: LifecycleSnapshot, agentId: string) => {
  const mine = s.participants.find((p) => p.userId === agentId);
  if (!mine) {
    throw new AppError('NOT_A_PARTICIPANT');
  }
  if (s.status === 'ended') {
    throw new AppError('CONVERSATION_ENDED');
  }
  if (mine.state !== 'active') {
    throw new AppError('ALREADY_ENDED');
  }
  return mine;
};

/** Whether an agent may be sent this conversation now: Available, not deleted, under their limit. */
export const checkTargetAgent = ({
  agent,
  load,
  limit,
}: {
  agent: Pick<Agent, 'name' | 'state' | 'deactivatedAt'>;
  load: number;
  limit: number;
}): void => {
  if (agent.deactivatedAt) {
    throw new AppError('USER_NOT_FOUND');
  }
  if (agent.state !== 'available') {
    throw new AppError('AGENT_NOT_AVAILABLE', `${agent.name} is not Available (${agent.state})`, {
      name: agent.name,
      state: agent.state,
    });
  }
  if (load >= limit) {
    throw new AppError('AGENT_AT_LIMIT', `${agent.name} already has ${load} of ${limit} conversations`, {
      name: agent.name,
      load,
      limit,
    });
  }
};

/** A queue takes only conversations of the channels it serves (a transfer or conference to it). */
export const checkQueueServes = (queue: Pick<Queue, 'name' | 'channels'>, channel: TChannel): void => {
  if (!queue.channels.includes(channel)) {
    throw new AppError('QUEUE_WRONG_CHANNEL', `${queue.name} does not serve ${channel} conversations`, {
      queue: queue.name,
      channel,
    });
  }
};

const requireOpenForRequest = (s: LifecycleSnapshot, agentId: string) => {
  const mine = requireActive(s, agentId);
  if (s.customerLeft) {
    throw new AppError('CUSTOMER_LEFT');
  }
  if (s.pendingOffer) {
    throw new AppError('REQUEST_PENDING');
  }
  return mine;
};

/**
 * A transfer: the agent holding the conversation hands it to a queue (it waits there) or to an
 * agent (offered to them alone). The transferring agent goes to wrap-up at once (the seeds: the
 * wrap-up dialog appears). Not during a conference: End or Exit it first.
 */
export const decideTransfer = (
  s: LifecycleSnapshot,
  { agentId, target }: { agentId: string; target: { type: 'queue' } | { type: 'agent'; agentId: string } },
): { leaving: string; status: ConversationStatus } => {
  const mine = requireOpenForRequest(s, agentId);
  if (phaseOf(s) === 'conference') {
    throw new AppError('CONFERENCE_IN_PROGRESS');
  }
  if (target.type === 'agent') {
    if (target.agentId === agentId) {
      throw new AppError('TRANSFER_TO_SELF');
    }
    if (s.participants.some((p) => p.userId === target.agentId)) {
      throw new AppError('ALREADY_IN_CONVERSATION');
    }
  }
  return { leaving: mine.id, status: target.type === 'agent' ? 'offered' : 'queued' };
};

/** A conference invitation: the conversation stays active with its agent while the offer waits. */
export const decideInvite = (
  s: LifecycleSnapshot,
  { agentId, inviteeId }: { agentId: string; inviteeId: string },
) => {
  requireOpenForRequest(s, agentId);
  if (inviteeId === agentId || s.participants.some((p) => p.userId === inviteeId)) {
    throw new AppError('ALREADY_IN_CONVERSATION');
  }
};

/**
 * What a conversation becomes when an offer of it is placed: a waiting one is offered (a routing
 * run's offer); a transfer to an agent has made it offered already, and an invitation's stays
 * active, so those leave it as it is (null).
 */
export const statusWhenOffered = (kind: 'routing' | 'transfer' | 'conference'): ConversationStatus | null =>
  kind === 'routing' ? 'offered' : null;

/** Accepting an offer: a new or transferred conversation must be offered; an invitation's stays active. */
export const decideAccept = (s: LifecycleSnapshot, { kind }: { kind: RoutingRequestKind }) => {
  const ok = kind === 'conference' ? s.status === 'active' && !s.customerLeft : s.status === 'offered';
  if (!ok) {
    throw new AppError('OFFER_CLOSED');
  }
  return {
    role: kind === 'conference' ? ('guest' as const) : ('owner' as const),
    status: 'active' as const,
  };
};

/**
 * An offer closed without an accept (rejected, timed out, withdrawn). A new or transferred
 * conversation goes back to its queue keeping its place; an invitation changes nothing for the
 * conversation. Who asked (a transfer's or an invitation's agent) is told.
 */
export const decideOfferFailed = (
  s: Pick<LifecycleSnapshot, 'status'>,
  request: { kind: RoutingRequestKind; targetType: RoutingTargetType },
): { requeue: boolean; requestFailed: boolean } => ({
  requeue: request.kind !== 'conference' && s.status === 'offered',
  // A request to one agent fails with its offer (its agent is told); one to a queue waits on.
  requestFailed: request.kind !== 'new' && request.targetType === 'agent',
});

/**
 * Leaving a conference. `end`: the owner (the first agent) leaves, the guest holds it from now on.
 * `exit`: the guest (the added agent) leaves, the owner keeps it. Either goes to wrap-up.
 */
export const decideLeaveConference = (
  s: LifecycleSnapshot,
  { agentId, how }: { agentId: string; how: 'end' | 'exit' },
): { leaving: string; promote: string | null } => {
  const mine = requireActive(s, agentId);
  if (phaseOf(s) !== 'conference') {
    throw new AppError('NOT_IN_CONFERENCE');
  }
  const others = activeOf(s).filter((p) => p.id !== mine.id);
  if (how === 'end') {
    if (mine.role !== 'owner') {
      throw new AppError(
        'NOT_IN_CONFERENCE',
        'Only the agent who holds the conversation ends the conference; use Exit conference',
      );
    }
    // The earliest guest becomes the owner: never a conversation without one.
    const heir = others.find((p) => p.role === 'guest') ?? others[0];
    return { leaving: mine.id, promote: heir ? heir.id : null };
  }
  if (mine.role !== 'guest') {
    throw new AppError('NOT_IN_CONFERENCE', 'You hold this conversation; use End conference');
  }
  return { leaving: mine.id, promote: null };
};

/**
 * The plain End: the agent goes to wrap-up. In a conference an owner's End is End conference and
 * a guest's is Exit conference; otherwise the conversation ends with them.
 */
export const decideEnd = (
  s: LifecycleSnapshot,
  { agentId }: { agentId: string },
): { leaving: string; promote: string | null; ends: boolean } => {
  if (phaseOf(s) === 'conference') {
    const mine = s.participants.find((p) => p.userId === agentId && p.state === 'active');
    const how = mine?.role === 'guest' ? 'exit' : 'end';
    return { ...decideLeaveConference(s, { agentId, how }), ends: false };
  }
  const mine = s.participants.find((p) => p.userId === agentId);
  if (!mine) {
    throw new AppError('NOT_A_PARTICIPANT');
  }
  if (mine.state !== 'active') {
    throw new AppError('ALREADY_ENDED');
  }
  return { leaving: mine.id, promote: null, ends: s.status !== 'ended' };
};
