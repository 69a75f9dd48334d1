import type { TAgentState, TChannel, TSettings } from '@switchboard/contracts';
import type { DeliveryError, DeliveryStatus, InboundAttachment } from './inbound';
import type {
  Agent,
  AttachmentStatus,
  Candidate,
  CandidateRanking,
  ClaimedAttachment,
  ClaimedSend,
  Contact,
  Conversation,
  ConversationEvent,
  ConversationStatus,
  EntryPoint,
  MessageAttachment,
  Narrowing,
  NewMessage,
  Offer,
  OfferDecision,
  OfferStatus,
  Participant,
  ParticipationState,
  ProviderConversation,
  Queue,
  RoutingRequest,
  RoutingRequestStatus,
  StoredMessage,
  WaitingConversation,
} from './model';

/**
 * What core needs from storage, inside one transaction. `lock*` methods take a row lock
 * (SELECT ... FOR NO KEY UPDATE) so that two processes deciding on the same row queue up. Not FOR
 * UPDATE: that would also block other transactions' foreign-key checks on the row (an offer or a
 * participation naming the agent), which hold other rows meanwhile, and deadlock.
 */
export interface Tx {
  agents: {
    lock(id: string): Promise<Agent | null>;
    setState(input: { id: string; state: TAgentState; reason: string | null; at: Date }): Promise<void>;
    /**
     * Available agents eligible for the queue (its team, every skill it requires at the required
     * proficiency, not deactivated) with room for one more conversation on this channel, with their
     * load and limit there; ordered by `ranking` (then agent id), at most `limit` of them (all when null).
     * Read without row locks: routing holds the routing lock, only routing adds to a load, and
     * offers.place checks each chosen agent again under its row lock.
     */
    listCandidates(input: {
      queue: Queue;
      /** In place of the queue's team and skills: that team's members, or that skill's holders. */
      narrowing?: Narrowing | null;
      channel: TChannel;
      ranking: CandidateRanking;
      limit: number | null;
    }): Promise<Candidate[]>;
    /** What the agent holds on the channel (see countsAgainstLoad) and their limit there. */
    loadOn(input: { agentId: string; channel: TChannel }): Promise<{ load: number; limit: number }>;
  };
  routingRequests: {
    create(input: Omit<RoutingRequest, 'id' | 'status'>): Promise<RoutingRequest>;
    get(id: string): Promise<RoutingRequest | null>;
    close(input: { id: string; status: Exclude<RoutingRequestStatus, 'open'>; at: Date }): Promise<void>;
  };
  /** The append-only history: written in the transaction of the change it records. */
  conversationEvents: {
    append(events: readonly ConversationEvent[]): Promise<void>;
  };
  queues: {
    get(id: string): Promise<Queue | null>;
    /**
     * The conversation's queue, when no other conversation waits in any queue (it is alone,
     * ahead of no one); null otherwise.
     */
    getIfAloneWaiting(input: { queueId: string; conversationId: string }): Promise<Queue | null>;
    /**
     * Each queue and channel with waiting conversations: by queue priority, then by the oldest
     * waiting conversation. Limits are per channel, so routing decides per queue and channel.
     * Conversations narrowed to a team or a skill (a transfer's) form groups of their own.
     */
    listWaitingGroups(): Promise<{ queue: Queue; channel: TChannel; narrowing: Narrowing | null }[]>;
  };
  teams: {
    get(id: string): Promise<{ id: string; name: string } | null>;
  };
  skills: {
    /** Whether the skill is known: some agent holds it or some queue requires it. */
    exists(skill: string): Promise<boolean>;
  };
  entryPoints: {
    getByKey(key: string): Promise<EntryPoint | null>;
    get(id: string): Promise<EntryPoint | null>;
    /** WhatsApp: the entry point's approved templates. */
    templates(id: string): Promise<{ name: string; language: string; body: string }[]>;
  };
  contacts: {
    /** Names a contact that has no name yet; null (and nothing changed) if it has one or is unknown. */
    nameIfUnnamed(input: { id: string; name: string }): Promise<Contact | null>;
  };
  providerConversations: {
    get(conversationId: string): Promise<ProviderConversation | null>;
    /**
     * The contact's conversations whose customer is still called `from`, and their customer's
     * messages signed `from`, now carry `to`; returns those conversations' ids.
     */
    renameCustomer(input: { contactId: string; from: string; to: string }): Promise<string[]>;
  };
  providerMessages: {
    /**
     * What a provider message needs, in one statement for every one of them: its entry point;
     * the message with this provider id on it if one is stored (not locked: a repeated delivery
     * only answers its ids); and, when the entry point exists and no such message is stored, the
     * sender as a contact on the entry point's channel (created if new; a name given replaces the
     * stored one) with its conversation on the entry point that has not ended, locked (null if
     * none). The contact is null when the message is stored or the entry point unknown.
     */
    findWithSender(input: {
      entryPointId: string;
      providerMessageId: string;
      identity: string;
      name: string | null;
      at: Date;
    }): Promise<{
      entryPoint: Pick<EntryPoint, 'id' | 'channel' | 'queueId' | 'deletedAt'> | null;
      known: Pick<StoredMessage, 'id' | 'conversationId'> | null;
      contact: Contact | null;
      open: Pick<Conversation, 'id' | 'status'> | null;
    }>;
    /**
     * A message that has a provider id and no clientMessageId (it is stored once per entry point
     * and provider id, by the store's unique index: a second copy fails), appended in one
     * statement: the next seq, as messages.append assigns it, and with `customerWroteAt` when the
     * customer last wrote. Answers only the new message's id and seq.
     */
    append(input: NewMessage & { customerWroteAt?: Date }): Promise<{ id: string; seq: number }>;
    /** A message by its provider id on an entry point, locked. */
    lockByProviderId(input: {
      entryPointId: string;
      providerMessageId: string;
    }): Promise<StoredMessage | null>;
    /** The agent's messages to a contact on an entry point sent up to a time (Messenger's watermarks). */
    lockSentTo(input: { entryPointId: string; identity: string; upTo: Date }): Promise<StoredMessage[]>;
    setDelivery(input: {
      id: string;
      status: DeliveryStatus;
      error: DeliveryError | null;
      providerMessageId?: string;
    }): Promise<void>;
  };
  outbox: {
    enqueue(input: {
      messageId: string;
      entryPointId: string;
      conversationId: string;
      seq: number;
      /** A WhatsApp template to send instead of the message's text. */
      template?: { name: string; language: string; parameters: string[] };
      dueAt: Date;
      at: Date;
    }): Promise<void>;
    /**
     * The due jobs of up to `conversations` conversations, at most `perConversation` of each,
     * leased until `leaseUntil` (their due time moves there and their attempts up by one) so that
     * no other sender (FOR UPDATE SKIP LOCKED) takes them meanwhile. A conversation's jobs are
     * claimed only from its oldest (no earlier job of it is waiting or in flight), together and
     * in their order, so replies never overtake each other.
     */
    claimDue(input: {
      now: Date;
      leaseUntil: Date;
      conversations: number;
      perConversation: number;
    }): Promise<ClaimedSend[]>;
    /** Claimed jobs not sent (their conversation's earlier reply must go first): due again at `dueAt`. */
    release(input: { jobIds: string[]; dueAt: Date }): Promise<void>;
    reschedule(input: { jobId: string; dueAt: Date; lastError: DeliveryError }): Promise<void>;
    remove(jobId: string): Promise<void>;
    /** Failed for good: no longer claimed, kept for a Retry (which enqueues it again). */
    markFailed(input: { jobId: string; lastError: DeliveryError; at: Date }): Promise<void>;
    nextDueAt(): Promise<Date | null>;
  };
  /** Files customers sent: their bytes are fetched from the provider after the message is stored. */
  attachments: {
    /**
     * The message's files, pending and due now, or kept at once when their `content` is given (a
     * live chat's upload), or failed at once when `refused` says why (never fetched); the
     * message's own summary lists them.
     */
    add(input: {
      messageId: string;
      conversationId: string;
      entryPointId: string;
      attachments: readonly (InboundAttachment & { content?: Uint8Array; refused?: DeliveryError })[];
      at: Date;
    }): Promise<void>;
    /**
     * Pending attachments due by `now` (of one message, when given), at most `limit`, leased until
     * `leaseUntil` (their due time moves there and their attempts up by one) so that no other
     * fetcher (FOR UPDATE SKIP LOCKED) takes them meanwhile.
     */
    claimDue(input: {
      now: Date;
      leaseUntil: Date;
      limit: number;
      messageId?: string;
    }): Promise<ClaimedAttachment[]>;
    /**
     * The outcome of a fetch: kept with its bytes, due again at `dueAt`, or failed; the message's
     * summary follows. Null when the attachment is gone (its conversation was deleted).
     */
    /**
     * Removes the bytes of up to `limit` kept files that arrived before `arrivedBefore` (skipping
     * rows another process holds); their status becomes `expired`. Answers how many.
     */
    expire(input: { arrivedBefore: Date; limit: number }): Promise<number>;
    /** How many files the customer (or the agents) of a conversation have sent, and their bytes. */
    usage(input: {
      conversationId: string;
      author: 'customer' | 'agent';
    }): Promise<{ files: number; bytes: number }>;
    settle(input: {
      id: string;
      status: AttachmentStatus;
      dueAt: Date | null;
      contentType: string | null;
      content: Uint8Array | null;
      error: DeliveryError | null;
    }): Promise<{ messageId: string; conversationId: string } | null>;
  };
  reasons: {
    getIdleReason(id: string): Promise<{ id: string; name: string } | null>;
    getWrapUpReason(id: string): Promise<{ id: string; name: string } | null>;
    getDisposition(id: string): Promise<{ id: string; name: string } | null>;
    /** The tags of these ids that exist, in the administrator's order. */
    getTags(ids: readonly string[]): Promise<{ id: string; name: string }[]>;
  };
  conversations: {
    /**
     * A new conversation; with `opening`, its first message (seq 1), written with it; with
     * `logArrival`, its 'arrived' line of the history (conversationEvents: at its arrivedAt, in its
     * queue and channel), written in the same statement.
     */
    create(
      input: Omit<Conversation, 'id' | 'endedAt' | 'customerLeft' | 'requestId' | 'narrowing'> & {
        customerTokenHash: string | null;
        /** Provider channels: the customer, and when they last wrote. */
        contactId?: string;
        lastCustomerMessageAt?: Date;
      },
      opening?: Omit<NewMessage, 'conversationId'>,
      options?: { logArrival?: boolean },
    ): Promise<{ conversation: Conversation; opening: StoredMessage | null }>;
    lock(id: string): Promise<Conversation | null>;
    /** Read without a lock: for what does not change (its channel) before the lock order allows the row lock. */
    get(id: string): Promise<Conversation | null>;
    update(
      id: string,
      patch: Partial<
        Pick<Conversation, 'status' | 'customerLeft' | 'endedAt' | 'queueId' | 'requestId' | 'narrowing'>
      >,
    ): Promise<void>;
    /**
     * The oldest waiting conversations of a queue and channel, in their place order, locked, each
     * with the agents who still take part in it.
     */
    lockWaiting(input: {
      queueId: string;
      channel: TChannel;
      /** Those narrowed so (a transfer's team or skill); null: those their queue decides for. */
      narrowing: Narrowing | null;
      limit: number;
    }): Promise<WaitingConversation[]>;
  };
  participants: {
    create(input: {
      conversationId: string;
      userId: string;
      channel: TChannel;
      joinedAt: Date;
      role?: Participant['role'];
      /** What the new (active) participation adds to the agent's load (lifecycle.ts loadChange). */
      load: number;
    }): Promise<Participant>;
    find(input: { conversationId: string; userId: string }): Promise<Participant | null>;
    listLive(conversationId: string): Promise<Participant[]>;
    update(
      id: string,
      patch: {
        state?: ParticipationState;
        role?: Participant['role'];
        endedAt?: Date;
        wrapUpReasonId?: string;
        dispositionId?: string | null;
        tags?: string[];
        notes?: string | null;
        wrappedAt?: Date;
      },
      /** What the move changes in the agent's load (lifecycle.ts loadChange); 0 for none. */
      counting: { load: number },
    ): Promise<void>;
  };
  offers: {
    /**
     * Makes a routing run's offers in one statement: each chosen agent is checked again (still
     * Available, not deactivated), under a row lock where transactions run side by side; for those
     * who are, the offer (with its durable deadline) is created, its
     * conversation marked offered, the agent's lastOfferedAt set and the offer's deadline timer
     * ('offer.deadline', due at deadlineAt) armed. A decision whose agent has
     * gone in the meantime is not made (absent from the answer); its conversation stays queued.
     * Each offer made is recorded as an 'offered' conversation event in the same statement.
     */
    /**
     * `load`: what each placed offer adds to its agent's load (lifecycle.ts loadChange);
     * `conversationStatus`: what each offered conversation becomes (lifecycle.ts
     * statusWhenOffered), null to leave it as it is.
     */
    place(
      decisions: OfferDecision[],
      decided: { load: number; conversationStatus: ConversationStatus | null },
    ): Promise<Offer[]>;
    lock(id: string): Promise<Offer | null>;
    findPending(conversationId: string): Promise<Offer | null>;
    listPendingForAgent(userId: string): Promise<Offer[]>;
    /** `load`: what closing it changes in its agent's load (lifecycle.ts loadChange). */
    close(input: {
      id: string;
      status: Exclude<OfferStatus, 'pending'>;
      at: Date;
      load: number;
    }): Promise<void>;
  };
  messages: {
    get(id: string): Promise<StoredMessage | null>;
    /**
     * Assigns the next seq; a repeated (author, clientMessageId) returns the stored one instead.
     * With `customerWroteAt`, also records it as when the customer last wrote (provider channels).
     */
    append(
      input: NewMessage & { customerWroteAt?: Date },
    ): Promise<{ message: StoredMessage; created: boolean }>;
    /**
     * The agent's messages of a live chat up to `upToSeq` that the customer sees (audience `all`)
     * and that carry no status yet: marked `read`. Their ids, in seq order; none when all were.
     */
    markReadByCustomer(input: { conversationId: string; upToSeq: number }): Promise<string[]>;
  };
  /** What eraseCustomer reads and writes. */
  erasure: {
    /**
     * The conversations of the customer of `conversationId` (every one of its contact on a provider
     * channel; that one alone on live chat), locked, in id order; null when it does not exist.
     */
    lockCustomerConversations(
      conversationId: string,
    ): Promise<{ id: string; status: ConversationStatus }[] | null>;
    /**
     * Its messages' words (the customer's, the agents', transfer comments; not the system's own
     * lines) become `placeholder` and lose their files' list, its files are deleted, its wrap-up
     * notes and its transfers' comments removed, the customer's name becomes `placeholder` and their e-mail is removed; marked
     * redacted at `at` (so the redaction pass leaves it).
     */
    eraseConversation(input: { id: string; placeholder: string; at: Date }): Promise<void>;
    /** The contact of the conversation (provider channels) no longer names its number or account. */
    forgetContactOf(conversationId: string): Promise<void>;
  };
  /** What redactEndedConversations reads and writes: the stored text of ended conversations. */
  redaction: {
    /**
     * Up to `limit` conversations that ended before `endedBefore` and are not redacted yet, oldest
     * end first, locked and skipped by any other transaction (FOR UPDATE SKIP LOCKED), each with
     * its entry point's region.
     */
    claimEnded(input: { endedBefore: Date; limit: number }): Promise<{ id: string; region: string | null }[]>;
    messagesOf(
      conversationId: string,
    ): Promise<{ id: string; body: string; attachments: MessageAttachment[] | null }[]>;
    setMessage(input: { id: string; body: string; attachments: MessageAttachment[] | null }): Promise<void>;
    /** The kept files' names (not their bytes). */
    fileNamesOf(conversationId: string): Promise<{ id: string; name: string }[]>;
    setFileName(input: { id: string; name: string }): Promise<void>;
    /** The wrap-up notes of its participants that have any. */
    notesOf(conversationId: string): Promise<{ id: string; notes: string }[]>;
    setNotes(input: { id: string; notes: string }): Promise<void>;
    /** The comments its transfers and conference invitations carried (routing requests). */
    requestCommentsOf(conversationId: string): Promise<{ id: string; comment: string }[]>;
    setRequestComment(input: { id: string; comment: string }): Promise<void>;
    markRedacted(input: { id: string; at: Date }): Promise<void>;
  };
  timers: {
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
  /** The same lock if it is free now; false (and no lock) when another transaction holds it. */
  tryLockRouting(): Promise<boolean>;
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
