import type { TAgentState } from '@switchboard/contracts';

/**
 * What happened, emitted by use cases after their transaction commits. Listeners turn these into
 * socket pushes and routing runs; use cases never push. They never start a routing run either;
 * the one decision taken inline is a chat arriving where nothing waits (offerOnArrival), which is
 * the run's own first decision, made in the arrival's transaction.
 */
export type DomainEvent =
  | { type: 'conversation.queued'; conversationId: string; queueId: string }
  | { type: 'conversation.updated'; conversationId: string }
  | {
      type: 'message.created';
      conversationId: string;
      messageId: string;
      /**
       * The message a conversation was opened with: nobody takes part yet, the customer has it in
       * the start's answer, and any offer of the conversation is made after it and shows it.
       */
      opening?: true;
    }
  /**
   * A contact of a channel whose webhooks carry no name (see readsProfileName) started a
   * conversation: a listener may read the name from the provider and name the contact.
   */
  | { type: 'contact.profile_wanted'; contactId: string; entryPointId: string; identity: string }
  /**
   * The customer of a conversation got their name (it showed their channel identity until now):
   * desktops that show the conversation, or hold an offer of it, are told.
   */
  | {
      type: 'customer.named';
      conversationId: string;
      pendingOffer: { offerId: string; agentId: string } | null;
    }
  /** An agent's message on a provider channel moved on: sent, delivered, read or failed. */
  | { type: 'message.delivery_changed'; conversationId: string; messageId: string }
  /** A customer's message came with files: a fetcher should claim them from the provider now. */
  | { type: 'attachments.wanted'; messageId: string }
  /** A file of a message was fetched or given up on: the bubble shows it, or why not. */
  | { type: 'message.attachments_changed'; conversationId: string; messageId: string }
  /** A send job is due at `dueAt`: a sender should claim it then. */
  | { type: 'send.queued'; messageId: string; dueAt: Date }
  | { type: 'offer.created'; offerId: string; conversationId: string; agentId: string; deadlineAt: Date }
  | {
      type: 'offer.closed';
      offerId: string;
      conversationId: string;
      agentId: string;
      reason: 'accepted' | 'rejected' | 'timed_out' | 'withdrawn';
    }
  | {
      /** A transfer to an agent or a conference invitation was not accepted: its requester is told. */
      type: 'request.failed';
      requestId: string;
      conversationId: string;
      kind: 'transfer' | 'conference';
      requestedBy: string;
      agentId: string;
      reason: 'rejected' | 'timed_out' | 'withdrawn';
    }
  | { type: 'agent.state_changed'; agentId: string; state: TAgentState; reason: string | null; since: Date }
  | { type: 'capacity.freed'; agentId: string }
  | { type: 'settings.changed'; keys: string[] }
  /** An administrator changed a list agents use: reasons, dispositions, tags, quick responses. */
  | { type: 'lists.changed' }
  | { type: 'session.ended'; sessionId: string }
  | { type: 'queue.changed'; queueId: string };

export type DomainEventType = DomainEvent['type'];

export interface EventBus {
  publish(events: readonly DomainEvent[]): void;
}

/** Events that can leave a conversation waiting next to a free agent: each asks for a routing run. */
export const triggersRouting = (event: DomainEvent): boolean =>
  event.type === 'conversation.queued' ||
  event.type === 'capacity.freed' ||
  event.type === 'queue.changed' ||
  (event.type === 'agent.state_changed' && event.state === 'available');
