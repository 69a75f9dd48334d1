import type { TAgentState, TChannel, TSettings } from '@switchboard/contracts';
import type {
  Agent,
  Candidate,
  Conversation,
  ConversationStatus,
  EntryPoint,
  NewMessage,
  Offer,
  OfferStatus,
  Participant,
  ParticipationState,
  Queue,
  StoredMessage,
} from './model';

/**
 * What core needs from storage, inside one transaction. `lock*` methods take a row lock
 * (SELECT ... FOR UPDATE) so that two processes deciding on the same row queue up.
 */
export interface Tx {
  agents: {
    lock(id: string): Promise<Agent | null>;
    setState(input: { id: string; state: TAgentState; reason: string | null; at: Date }): Promise<void>;
    /** Available agents of the queue's team, with their load, locked for the decision. */
    /**
     * Available agents eligible for the queue (its team, every skill it requires at the required
     * proficiency, not deactivated), with their load and limit on this channel, locked for the decision.
     */
    lockCandidates(input: { queue: Queue; channel: TChannel }): Promise<Candidate[]>;
    markOffered(input: { ids: string[]; at: Date }): Promise<void>;
    /** Active and wrap-up participations plus pending offers. */
    countLoad(id: string): Promise<number>;
  };
  queues: {
    get(id: string): Promise<Queue | null>;
    /**
     * Each queue and channel with waiting conversations: by queue priority, then by the oldest
     * waiting conversation. Limits are per channel, so routing decides per queue and channel.
     */
    listWaitingGroups(): Promise<{ queue: Queue; channel: TChannel }[]>;
  };
  entryPoints: {
    getByKey(key: string): Promise<EntryPoint | null>;
  };
  reasons: {
    getIdleReason(id: string): Promise<{ id: string; name: string } | null>;
    getWrapUpReason(id: string): Promise<{ id: string; name: string } | null>;
  };
  conversations: {
    create(
      input: Omit<Conversation, 'id' | 'endedAt' | 'customerLeft'> & { customerTokenHash: string | null },
    ): Promise<Conversation>;
    lock(id: string): Promise<Conversation | null>;
    update(
      id: string,
      patch: Partial<Pick<Conversation, 'status' | 'customerLeft' | 'endedAt' | 'queueId'>>,
    ): Promise<void>;
    /** These conversations now have an open offer. */
    markOffered(ids: string[]): Promise<void>;
    /** The oldest waiting conversations of a queue and channel, in their place order, locked. */
    lockWaiting(input: { queueId: string; channel: TChannel; limit: number }): Promise<Conversation[]>;
  };
  participants: {
    create(input: { conversationId: string; userId: string; joinedAt: Date }): Promise<Participant>;
    find(input: { conversationId: string; userId: string }): Promise<Participant | null>;
    listLive(conversationId: string): Promise<Participant[]>;
    /** For each of these conversations, the agents who still take part in it. */
    liveAgentsOf(conversationIds: string[]): Promise<Map<string, Set<string>>>;
    update(
      id: string,
      patch: {
        state: ParticipationState;
        endedAt?: Date;
        wrapUpReasonId?: string;
        notes?: string | null;
        wrappedAt?: Date;
      },
    ): Promise<void>;
  };
  offers: {
    /** One offer per conversation, all in one statement; answered in the order given. */
    createMany(
      input: { conversationId: string; userId: string; offeredAt: Date; deadlineAt: Date }[],
    ): Promise<Offer[]>;
    lock(id: string): Promise<Offer | null>;
    findPending(conversationId: string): Promise<Offer | null>;
    listPendingForAgent(userId: string): Promise<Offer[]>;
    close(input: { id: string; status: Exclude<OfferStatus, 'pending'>; at: Date }): Promise<void>;
  };
  messages: {
    get(id: string): Promise<StoredMessage | null>;
    /** Assigns the next seq; a repeated (author, clientMessageId) returns the stored one instead. */
    append(input: NewMessage): Promise<{ message: StoredMessage; created: boolean }>;
  };
  timers: {
    schedule(input: { kind: TimerKind; subjectId: string; dueAt: Date }[]): Promise<void>;
    cancel(input: { kind: TimerKind; subjectId: string }): Promise<void>;
    /** Takes the next due timer that no other process holds, and deletes it with this transaction. */
    claimNextDue(now: Date): Promise<{ kind: TimerKind; subjectId: string; dueAt: Date } | null>;
    nextDueAt(): Promise<Date | null>;
  };
  settings: {
    get(): Promise<TSettings>;
    set<K extends keyof TSettings>(input: {
      key: K;
      value: TSettings[K];
      at: Date;
      by: string;
    }): Promise<void>;
  };
  audit: {
    append(entry: AuditEntry): Promise<void>;
  };
  /** Serialises routing decisions across processes (a transaction-scoped advisory lock). */
  lockRouting(): Promise<void>;
}

export interface AuditEntry {
  at: Date;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export type TimerKind = 'offer.deadline';

export interface UnitOfWork {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}

export type { ConversationStatus };
