import type { TAgentState, TChannel, TRole } from '@switchboard/contracts';
import type { AttachmentKind, DeliveryError, DeliveryStatus } from './inbound';

export interface Agent {
  id: string;
  name: string;
  email: string;
  role: TRole;
  state: TAgentState;
  stateReason: string | null;
  stateSince: Date;
  availableSince: Date | null;
  chatLimit: number;
  /** Set when an administrator deleted the user: they take nothing. */
  deactivatedAt: Date | null;
}

export interface Queue {
  id: string;
  name: string;
  teamId: string | null;
  priority: number;
  offerTimeoutSeconds: number;
  noAnswerState: 'rona' | 'refused';
  strategy: string;
  /** The channels whose conversations it serves. */
  channels: TChannel[];
}

export interface EntryPoint {
  id: string;
  key: string;
  name: string;
  channel: TChannel;
  queueId: string;
  deletedAt: Date | null;
}

export type ConversationStatus = 'queued' | 'offered' | 'active' | 'ended';

/**
 * Who may take a waiting conversation in place of its queue's own rule (the queue's team and
 * skills): a transfer to a team narrows it to that team's members, one to a skill to the agents
 * holding that skill. It still waits in its queue, at its place.
 */
export type Narrowing = { type: 'team'; teamId: string } | { type: 'skill'; skill: string };

export interface Conversation {
  id: string;
  channel: TChannel;
  entryPointId: string;
  queueId: string;
  status: ConversationStatus;
  customerName: string;
  customerEmail: string | null;
  customerLeft: boolean;
  arrivedAt: Date;
  queuedAt: Date;
  endedAt: Date | null;
  /** The open routing request its offers answer (a transfer); null: its arrival's, kind 'new'. */
  requestId: string | null;
  /** Set while it waits for a team or a skill (a transfer's target); null: its queue decides. */
  narrowing: Narrowing | null;
}

export type OfferStatus = 'pending' | 'accepted' | 'rejected' | 'timed_out' | 'withdrawn';

export interface Offer {
  id: string;
  conversationId: string;
  userId: string;
  status: OfferStatus;
  offeredAt: Date;
  deadlineAt: Date;
  /** The routing request it answers; null: the conversation's arrival (kind 'new'). */
  requestId: string | null;
}

export type ParticipationState = 'active' | 'wrapup' | 'done';

/** 'owner' holds the conversation; 'guest' was added to it by a conference. */
export type ParticipationRole = 'owner' | 'guest';

export interface Participant {
  id: string;
  conversationId: string;
  userId: string;
  state: ParticipationState;
  role: ParticipationRole;
  joinedAt: Date;
  endedAt: Date | null;
}

export type MessageAuthor = 'customer' | 'agent' | 'system';

/** Who may see a message: everyone, or agents only (never sent to the customer). */
export type MessageAudience = 'all' | 'agents';

export interface NewMessage {
  conversationId: string;
  author: MessageAuthor;
  authorUserId: string | null;
  authorName: string;
  body: string;
  systemEvent: string | null;
  clientMessageId: string | null;
  createdAt: Date;
  /** Provider channels: the entry point it came in or goes out on, and the provider's id for it. */
  entryPointId?: string | null;
  providerMessageId?: string | null;
  /** An agent's message on a provider channel: how far it has gone. */
  deliveryStatus?: DeliveryStatus | null;
  /** 'all' when absent. */
  audience?: MessageAudience;
}

export interface StoredMessage extends NewMessage {
  id: string;
  seq: number;
  deliveryError?: DeliveryError | null;
  audience: MessageAudience;
  /** The files a customer sent with it, as the desktop shows them; absent or null when none. */
  attachments?: MessageAttachment[] | null;
}

/**
 * Fetching from the provider, kept (the bytes can be read), given up on with the reason, or
 * removed once the retention period passed (the message still says what it was).
 */
export type AttachmentStatus = 'pending' | 'ready' | 'failed' | 'expired';

/** One file of a message, as it is stored with the message: everything but its bytes and its source. */
export interface MessageAttachment {
  id: string;
  kind: AttachmentKind;
  contentType: string | null;
  name: string | null;
  /** Bytes, once fetched. */
  size: number | null;
  status: AttachmentStatus;
  error: DeliveryError | null;
}

/** An attachment a fetcher has claimed: where the provider keeps it and how often it was tried. */
export interface ClaimedAttachment {
  id: string;
  messageId: string;
  conversationId: string;
  entryPointId: string;
  kind: AttachmentKind;
  source: string;
  contentType: string | null;
  /** This attempt included. */
  attempts: number;
}

/** A customer on a provider channel: one identity per channel, with the profile name if known. */
export interface Contact {
  id: string;
  channel: TChannel;
  identity: string;
  name: string | null;
}

/** A conversation on a provider channel, as its windows and sends need it. */
export interface ProviderConversation {
  conversation: Conversation;
  contact: Contact;
  /** When the customer last wrote: WhatsApp's and Messenger's 24-hour windows count from here. */
  lastCustomerMessageAt: Date | null;
}

/** A send job as a sender claims it: the message, where it goes, and how many tries so far. */
export interface ClaimedSend {
  jobId: string;
  attempts: number;
  message: StoredMessage;
  entryPointId: string;
  channel: TChannel;
  to: string;
  lastCustomerMessageAt: Date | null;
  /** A WhatsApp template to send instead of the message's text. */
  template: { name: string; language: string; parameters: string[] } | null;
}

export type RoutingRequestKind = 'new' | 'transfer' | 'conference';
export type RoutingTargetType = 'queue' | 'agent' | 'team' | 'skill';
export type RoutingRequestStatus = 'open' | 'done' | 'failed' | 'cancelled';

/** What is being routed, apart from the conversation (Rocket.Chat's inquiry); offers belong to one. */
export interface RoutingRequest {
  id: string;
  conversationId: string;
  kind: RoutingRequestKind;
  targetType: RoutingTargetType;
  targetId: string;
  requestedBy: string | null;
  requestedAt: Date;
  fromQueueId: string | null;
  comment: string | null;
  status: RoutingRequestStatus;
}

export type ConversationEventType =
  | 'arrived'
  | 'offered'
  | 'accepted'
  | 'rejected'
  | 'timed_out'
  | 'withdrawn'
  | 'transferred'
  | 'conference_requested'
  | 'joined'
  | 'left'
  | 'customer_left'
  | 'ended'
  | 'wrapped_up';

/** One line of a conversation's append-only history (the conversation_events table). */
export interface ConversationEvent {
  conversationId: string;
  type: ConversationEventType;
  at: Date;
  queueId: string | null;
  channel: TChannel;
  agentId?: string | null;
  byAgentId?: string | null;
  requestId?: string | null;
  reason?: string | null;
}

/**
 * How a strategy orders candidates, by name, so that the store can sort them the same way:
 * - `ready-since`: the later of availableSince and lastOfferedAt, earliest first;
 * - `load-ratio`: load / limit, lowest first, then availableSince;
 * - `last-offered`: lastOfferedAt, never offered first.
 * Ties go to the smaller agent id.
 */
export type CandidateRanking = 'ready-since' | 'load-ratio' | 'last-offered';

/** An Available agent who could take a conversation, with what they hold now. */
export interface Candidate {
  agentId: string;
  availableSince: Date;
  /** Active and wrap-up participations plus pending offers on the channel: what counts against the limit. */
  load: number;
  /** The agent's limit on the channel. */
  limit: number;
  /** When this agent was last offered anything: round-robin's key. */
  lastOfferedAt: Date | null;
}

/** A waiting conversation as routing reads it: with the agents who still take part in it (it came back). */
export interface WaitingConversation {
  conversation: Conversation;
  presentAgentIds: readonly string[];
}

/** One routing decision: this conversation to this agent. */
export interface OfferDecision {
  conversationId: string;
  userId: string;
  channel: TChannel;
  offeredAt: Date;
  deadlineAt: Date;
  /** The routing request the offer answers; null for an arrival's. */
  requestId: string | null;
}
