import type { AttachmentKind, AttachmentStatus, DeliveryError, MessageAttachment } from '@switchboard/core';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Bytes: node-postgres gives a Buffer, PGlite a Uint8Array (a Buffer is one). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role').notNull().$type<'agent' | 'supervisor' | 'admin'>(),
    passwordHash: text('password_hash').notNull(),
    state: text('state')
      .notNull()
      .default('offline')
      .$type<'available' | 'idle' | 'rona' | 'refused' | 'offline'>(),
    stateReason: text('state_reason'),
    stateSince: ts('state_since').notNull().defaultNow(),
    /** Since when the agent has been Available with free capacity: the longest-available strategy's key. */
    availableSince: ts('available_since'),
    chatLimit: integer('chat_limit').notNull().default(3),
    /** When the agent was last offered a conversation: the round-robin strategy's key. */
    lastOfferedAt: ts('last_offered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Set when an administrator deletes the user: no log-in, no sessions, history kept. */
    deactivatedAt: ts('deactivated_at'),
  },
  (t) => [
    // Routing reads the best few Available agents in its strategy's order (CandidateRanking)
    // straight off these, and stops: a decision costs the same with ten agents or a thousand.
    index('users_ready_since_idx')
      .on(sql`(greatest(coalesce(${t.availableSince}, ${t.stateSince}), ${t.lastOfferedAt}))`, t.id)
      .where(sql`state = 'available' and deactivated_at is null`),
    index('users_last_offered_idx')
      .on(t.lastOfferedAt.asc().nullsFirst(), t.id)
      .where(sql`state = 'available' and deactivated_at is null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const agentStateLog = pgTable(
  'agent_state_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    reason: text('reason'),
    at: ts('at').notNull(),
  },
  (t) => [index('agent_state_log_user_idx').on(t.userId, t.at)],
);

export const teams = pgTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

export const queues = pgTable('queues', {
  id: id(),
  name: text('name').notNull().unique(),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
  priority: integer('priority').notNull().default(0),
  offerTimeoutSeconds: integer('offer_timeout_seconds').notNull().default(45),
  noAnswerState: text('no_answer_state').notNull().default('rona').$type<'rona' | 'refused'>(),
  strategy: text('strategy').notNull().default('longest-available'),
  serviceLevelSeconds: integer('service_level_seconds').notNull().default(60),
  /** How long a customer may wait for the agent's answer before the agent's tab turns urgent. */
  responseTargetSeconds: integer('response_target_seconds').notNull().default(120),
  /** The channels whose conversations this queue serves; every channel unless narrowed. */
  channels: text('channels')
    .array()
    .notNull()
    .default(sql`ARRAY['livechat','whatsapp','sms','messenger']::text[]`)
    .$type<('livechat' | 'whatsapp' | 'sms' | 'messenger')[]>(),
});

/** Skills a queue requires: an agent qualifies holding each at min_proficiency or more. */
export const queueSkills = pgTable(
  'queue_skills',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    minProficiency: integer('min_proficiency').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.queueId, t.skill] }),
    check('queue_skills_min_proficiency_range', sql`${t.minProficiency} between 1 and 10`),
  ],
);

/** Skills an agent holds, with a proficiency from 1 to 10. */
export const agentSkills = pgTable(
  'agent_skills',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    proficiency: integer('proficiency').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.skill] }),
    index('agent_skills_skill_idx').on(t.skill, t.proficiency),
    check('agent_skills_proficiency_range', sql`${t.proficiency} between 1 and 10`),
  ],
);

/**
 * Per-channel concurrency limits (CXone: up to 12 chats). A channel without a row falls back to
 * users.chat_limit; the 'livechat' row and users.chat_limit are written together.
 */
export const agentLimits = pgTable(
  'agent_limits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull().$type<'livechat' | 'whatsapp' | 'sms' | 'messenger'>(),
    max: integer('max').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.channel] }),
    check('agent_limits_max_range', sql`${t.max} between 1 and 12`),
  ],
);

export const entryPoints = pgTable('entry_points', {
  id: id(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  /** ISO 3166 region for phone numbers written in national form (masking), e.g. 'SE'. */
  region: text('region'),
  channel: text('channel').notNull().$type<'livechat' | 'whatsapp' | 'sms' | 'messenger'>(),
  queueId: uuid('queue_id')
    .notNull()
    .references(() => queues.id),
  deletedAt: ts('deleted_at'),
  /** A provider channel's public settings (phone number id, page id, base URL...); {} for live chat. */
  providerConfig: jsonb('provider_config').notNull().default({}).$type<Record<string, string | null>>(),
  /** Its secrets (tokens, app secret), sealed with AES-256-GCM by the server; never sent back. */
  sealedSecrets: text('sealed_secrets'),
  /** WhatsApp: the approved message templates (name, language, body with {{1}}...). */
  templates: jsonb('templates')
    .notNull()
    .default([])
    .$type<{ name: string; language: string; body: string }[]>(),
  /** Seeded for the provider simulator: only these may be driven by /simulator. */
  simulated: boolean('simulated').notNull().default(false),
});

/** A customer as a provider knows them: one identity per channel (wa_id, E.164 phone, PSID). */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    channel: text('channel').notNull().$type<'livechat' | 'whatsapp' | 'sms' | 'messenger'>(),
    identity: text('identity').notNull(),
    /** The profile name when the provider gives one (WhatsApp), else null. */
    name: text('name'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('contacts_identity_idx').on(t.channel, t.identity)],
);

export const wrapUpReasons = pgTable('wrap_up_reasons', {
  id: id(),
  name: text('name').notNull().unique(),
  position: integer('position').notNull().default(0),
});

export const idleReasons = pgTable('idle_reasons', {
  id: id(),
  name: text('name').notNull().unique(),
  position: integer('position').notNull().default(0),
});

/** CXone's dispositions: the outcome an agent may give a conversation in the wrap-up. */
export const dispositions = pgTable('dispositions', {
  id: id(),
  name: text('name').notNull().unique(),
  position: integer('position').notNull().default(0),
});

/** CXone's tags, any number of which an agent may add in the wrap-up (stored on it by name). */
export const wrapUpTags = pgTable('wrap_up_tags', {
  id: id(),
  name: text('name').notNull().unique(),
  position: integer('position').notNull().default(0),
});

/** Pre-written answers for the quick-response pane (core's quick-responses.ts). */
export const quickResponses = pgTable('quick_responses', {
  id: id(),
  name: text('name').notNull().unique(),
  text: text('text').notNull(),
  position: integer('position').notNull().default(0),
});

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    channel: text('channel').notNull().$type<'livechat' | 'whatsapp' | 'sms' | 'messenger'>(),
    entryPointId: uuid('entry_point_id')
      .notNull()
      .references(() => entryPoints.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    status: text('status').notNull().$type<'queued' | 'offered' | 'active' | 'ended'>(),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email'),
    customerTokenHash: text('customer_token_hash'),
    customerLeft: boolean('customer_left').notNull().default(false),
    proactive: boolean('proactive').notNull().default(false),
    arrivedAt: ts('arrived_at').notNull(),
    /** The place in the queue: kept when an offer fails, so the conversation keeps its place. */
    queuedAt: ts('queued_at').notNull(),
    endedAt: ts('ended_at'),
    lastSeq: integer('last_seq').notNull().default(0),
    /** The customer on a provider channel; null for live chat. */
    contactId: uuid('contact_id').references(() => contacts.id),
    /** When the customer last wrote: WhatsApp's and Messenger's 24-hour windows count from here. */
    lastCustomerMessageAt: ts('last_customer_message_at'),
    /** The open routing request (transfer) its offers belong to; null: its arrival's (kind 'new'). */
    requestId: uuid('request_id'),
    /**
     * A transfer to a team or a skill narrows who may take the waiting conversation: that team's
     * members, or the agents holding that skill, instead of its queue's own eligibility. Null:
     * the queue's. Cleared when an agent accepts it; a deleted team un-narrows it.
     */
    routeTeamId: uuid('route_team_id').references(() => teams.id, { onDelete: 'set null' }),
    routeSkill: text('route_skill'),
    /**
     * When the sensitive values in its stored text (messages, file names, wrap-up notes) were
     * overwritten with their masked form, SENSITIVE_DATA_RETENTION_DAYS after it ended; null: not yet.
     */
    redactedAt: ts('redacted_at'),
  },
  (t) => [
    // Ended conversations whose stored text still holds its values, oldest end first: the redaction's batches.
    index('conversations_redactable_idx')
      .on(t.endedAt)
      .where(sql`ended_at is not null and redacted_at is null`),
    // A contact's open conversation on an entry point: where their next message goes.
    index('conversations_contact_open_idx')
      .on(t.entryPointId, t.contactId)
      .where(sql`status <> 'ended' and contact_id is not null`),
    // Routing's look-ups: the head of each queue and channel, in place order, whatever the backlog.
    index('conversations_waiting_idx')
      .on(t.queueId, t.channel, t.queuedAt, t.id)
      .where(sql`status = 'queued'`),
    // The few waiting conversations narrowed to a team or a skill, grouped apart by routing.
    index('conversations_narrowed_waiting_idx')
      .on(t.queueId, t.channel, t.queuedAt)
      .where(sql`status = 'queued' and (route_team_id is not null or route_skill is not null)`),
    // The supervisor's per-queue counts (offered, active) without reading the history. Partial:
    // it holds live conversations only, and it cannot answer for queued ones, so the planner
    // never prefers it (and a sort of the whole backlog) to conversations_waiting_idx.
    index('conversations_live_idx').on(t.queueId, t.status).where(sql`status in ('offered', 'active')`),
    // The supervisor's history: a period's arrivals, newest first, paged by (arrived_at, id).
    index('conversations_arrived_idx').on(t.arrivedAt, t.id),
    // An agent's interaction history: the same customer's earlier conversations, newest first.
    index('conversations_contact_idx').on(t.contactId, t.arrivedAt).where(sql`contact_id is not null`),
  ],
);

export const participants = pgTable(
  'participants',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The conversation's channel, kept here so that an agent's load per channel needs no join. */
    channel: text('channel').notNull().$type<'livechat' | 'whatsapp' | 'sms' | 'messenger'>(),
    state: text('state').notNull().$type<'active' | 'wrapup' | 'done'>(),
    /** 'owner' holds the conversation; 'guest' was added by a conference (core's lifecycle.ts). */
    role: text('role').notNull().default('owner').$type<'owner' | 'guest'>(),
    joinedAt: ts('joined_at').notNull(),
    endedAt: ts('ended_at'),
    wrapUpReasonId: uuid('wrap_up_reason_id').references(() => wrapUpReasons.id),
    dispositionId: uuid('disposition_id').references(() => dispositions.id),
    /** The wrap-up's tags, by name as they were then. */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    wrappedAt: ts('wrapped_at'),
  },
  (t) => [
    index('participants_user_idx').on(t.userId, t.state),
    // One live participation per agent and conversation: assignment can't happen twice.
    uniqueIndex('participants_one_live_idx').on(t.conversationId, t.userId).where(sql`state <> 'done'`),
  ],
);

/**
 * What is being routed, apart from the conversation (Rocket.Chat's inquiry): a transfer or a
 * conference invitation, to a queue or an agent, who asked and when. A conversation's arrival is
 * the implicit request of kind 'new' (no row: an arrival costs no extra write).
 */
export const routingRequests = pgTable(
  'routing_requests',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().$type<'new' | 'transfer' | 'conference'>(),
    targetType: text('target_type').notNull().$type<'queue' | 'agent' | 'team' | 'skill'>(),
    targetId: text('target_id').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: ts('requested_at').notNull(),
    fromQueueId: uuid('from_queue_id').references(() => queues.id),
    comment: text('comment'),
    status: text('status').notNull().$type<'open' | 'done' | 'failed' | 'cancelled'>(),
    closedAt: ts('closed_at'),
  },
  (t) => [index('routing_requests_conversation_idx').on(t.conversationId, t.requestedAt)],
);

/**
 * Append-only history of every conversation: written in the transaction of each change, never
 * updated. Reports are computed from it, never from rows that later change.
 */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    at: ts('at').notNull(),
    queueId: uuid('queue_id'),
    channel: text('channel').notNull(),
    /** The agent the event is about (offered to, accepted, left...). */
    agentId: uuid('agent_id'),
    /** The agent who asked (transferred, invited). */
    byAgentId: uuid('by_agent_id'),
    requestId: uuid('request_id'),
    reason: text('reason'),
  },
  (t) => [
    index('conversation_events_conversation_idx').on(t.conversationId, t.id),
    index('conversation_events_at_idx').on(t.at),
  ],
);

export const offers = pgTable(
  'offers',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The conversation's channel, as on participants. */
    channel: text('channel').notNull().$type<'livechat' | 'whatsapp' | 'sms' | 'messenger'>(),
    status: text('status').notNull().$type<'pending' | 'accepted' | 'rejected' | 'timed_out' | 'withdrawn'>(),
    offeredAt: ts('offered_at').notNull(),
    deadlineAt: ts('deadline_at').notNull(),
    closedAt: ts('closed_at'),
    /** The routing request (transfer, conference) the offer answers; null: the arrival's own. */
    requestId: uuid('request_id').references(() => routingRequests.id),
  },
  (t) => [
    index('offers_user_idx').on(t.userId, t.status),
    // The database's own guard: a conversation is never offered to two agents at once.
    uniqueIndex('offers_one_pending_idx').on(t.conversationId).where(sql`status = 'pending'`),
  ],
);

/**
 * What counts against an agent's limit on a channel: live participations (active, wrap-up) and
 * pending offers there. Kept by triggers on offers and participants (migration 0003), so every
 * change of either, whichever code path makes it, moves the count in the same transaction; routing
 * then reads one row per agent instead of counting their conversations.
 */
export const agentLoads = pgTable(
  'agent_loads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull().$type<'livechat' | 'whatsapp' | 'sms' | 'messenger'>(),
    held: integer('held').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.channel] }),
    check('agent_loads_held_not_negative', sql`${t.held} >= 0`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    author: text('author').notNull().$type<'customer' | 'agent' | 'system'>(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    systemEvent: text('system_event'),
    clientMessageId: text('client_message_id'),
    createdAt: ts('created_at').notNull(),
    /** The entry point a provider message came in or went out on: its provider id is unique there. */
    entryPointId: uuid('entry_point_id').references(() => entryPoints.id),
    /** WhatsApp wamid, Twilio MessageSid, Messenger mid. */
    providerMessageId: text('provider_message_id'),
    /** An agent's message on a provider channel: sending, sent, delivered, read or failed. */
    deliveryStatus: text('delivery_status').$type<'sending' | 'sent' | 'delivered' | 'read' | 'failed'>(),
    deliveryError: jsonb('delivery_error').$type<{
      code: string;
      providerCode: string | null;
      reason: string;
    }>(),
    /** 'agents': a line for agents only (a transfer's line and comment), never sent to the customer. */
    audience: text('audience').notNull().default('all').$type<'all' | 'agents'>(),
    /**
     * The files a customer sent with it, as the desktop shows them (no bytes, no provider source):
     * written with the attachments' rows and again when each is fetched, so that every read of a
     * message carries them without a join.
     */
    attachments: jsonb('attachments').$type<MessageAttachment[]>(),
  },
  (t) => [
    uniqueIndex('messages_seq_idx').on(t.conversationId, t.seq),
    uniqueIndex('messages_client_id_idx').on(t.conversationId, t.author, t.clientMessageId),
    // Deliveries come at least once: each provider message is stored once per entry point.
    uniqueIndex('messages_provider_id_idx')
      .on(t.entryPointId, t.providerMessageId)
      .where(sql`provider_message_id is not null`),
  ],
);

/**
 * The outbox: a send job per agent message on a provider channel, written in the message's own
 * transaction. Senders claim due jobs with FOR UPDATE SKIP LOCKED and lease them (due_at moves
 * forward while a send is in flight), so a restart or a second process picks up what is left.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    messageId: uuid('message_id')
      .notNull()
      .unique()
      .references(() => messages.id, { onDelete: 'cascade' }),
    entryPointId: uuid('entry_point_id')
      .notNull()
      .references(() => entryPoints.id),
    /** A conversation's replies go out one at a time, in their order (seq). */
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** What to send instead of the message's text: a WhatsApp template with its parameters. */
    template: jsonb('template').$type<{ name: string; language: string; parameters: string[] }>(),
    attempts: integer('attempts').notNull().default(0),
    dueAt: ts('due_at').notNull(),
    /** Failed for good: kept (with its template) for the agent's Retry, claimed no more. */
    failedAt: ts('failed_at'),
    lastError: jsonb('last_error'),
    createdAt: ts('created_at').notNull(),
  },
  // Partial: the sender only ever looks for jobs not failed for good (claim, heads, next due); a
  // filter on failed_at beside plain indexes made the claim three times as slow (bench/channels).
  (t) => [
    index('outbox_due_idx').on(t.dueAt).where(sql`failed_at is null`),
    index('outbox_conversation_idx').on(t.conversationId, t.seq).where(sql`failed_at is null`),
  ],
);

/** Durable timers (offer deadlines): rows with a due time, claimed with FOR UPDATE SKIP LOCKED. */
export const timers = pgTable(
  'timers',
  {
    id: id(),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    dueAt: ts('due_at').notNull(),
  },
  (t) => [index('timers_due_idx').on(t.dueAt), uniqueIndex('timers_subject_idx').on(t.kind, t.subjectId)],
);

/** Desktop settings an administrator changes (e.g. maskSensitiveData), one row per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** Who did what, when: settings changes, reveals of masked values. Never updated, never deleted. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    details: jsonb('details').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_subject_idx').on(t.subjectType, t.subjectId)],
);

/**
 * Whose desktop is connected, renewed by every server process for the agents it holds a socket
 * of. A process that dies stops renewing; any process then finds the row stale past the grace
 * period and takes the agent out of routing, restart or not, one process or several.
 */
export const agentPresence = pgTable(
  'agent_presence',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: ts('seen_at').notNull(),
  },
  (t) => [index('agent_presence_seen_idx').on(t.seenAt)],
);

/**
 * Files customers sent, one row each: where the provider keeps it, then its bytes once fetched.
 * Fetchers claim pending rows due by now with FOR UPDATE SKIP LOCKED and lease them (due_at moves
 * forward while a fetch is in flight), as the outbox's senders do, so a restart or a second process
 * picks up what is left. The message's `attachments` column is the desktop's copy of these rows.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    entryPointId: uuid('entry_point_id')
      .notNull()
      .references(() => entryPoints.id),
    /** Its place among the message's files. */
    position: integer('position').notNull(),
    kind: text('kind').notNull().$type<AttachmentKind>(),
    /** WhatsApp's media id, Twilio's MediaUrl, Messenger's payload URL: never sent to a desktop. */
    source: text('source').notNull(),
    contentType: text('content_type'),
    name: text('name'),
    status: text('status').notNull().$type<AttachmentStatus>(),
    size: integer('size'),
    content: bytea('content'),
    error: jsonb('error').$type<DeliveryError>(),
    attempts: integer('attempts').notNull().default(0),
    /** When a pending one is to be fetched (or its lease ends); null once kept or failed. */
    dueAt: ts('due_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('attachments_due_idx').on(t.dueAt).where(sql`status = 'pending'`),
    // The retention pass looks for kept files by age.
    index('attachments_kept_idx').on(t.createdAt).where(sql`status = 'ready'`),
    index('attachments_message_idx').on(t.messageId, t.position),
  ],
);
