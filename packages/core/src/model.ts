import type { TAgentState, TChannel, TRole } from '@switchboard/contracts';

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
}

export interface Queue {
  id: string;
  name: string;
  teamId: string | null;
  priority: number;
  offerTimeoutSeconds: number;
  noAnswerState: 'rona' | 'refused';
  strategy: string;
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
}

export type OfferStatus = 'pending' | 'accepted' | 'rejected' | 'timed_out' | 'withdrawn';

export interface Offer {
  id: string;
  conversationId: string;
  userId: string;
  status: OfferStatus;
  offeredAt: Date;
  deadlineAt: Date;
}

export type ParticipationState = 'active' | 'wrapup' | 'done';

export interface Participant {
  id: string;
  conversationId: string;
  userId: string;
  state: ParticipationState;
  joinedAt: Date;
  endedAt: Date | null;
}

export type MessageAuthor = 'customer' | 'agent' | 'system';

export interface NewMessage {
  conversationId: string;
  author: MessageAuthor;
  authorUserId: string | null;
  authorName: string;
  body: string;
  systemEvent: string | null;
  clientMessageId: string | null;
  createdAt: Date;
}

export interface StoredMessage extends NewMessage {
  id: string;
  seq: number;
}

/** An Available agent who could take a conversation, with what they hold now. */
export interface Candidate {
  agentId: string;
  availableSince: Date;
  /** Active and wrap-up participations plus pending offers: what counts against the limit. */
  load: number;
  limit: number;
  /** When this agent was last offered anything: round-robin's key. */
  lastOfferedAt: Date | null;
}
