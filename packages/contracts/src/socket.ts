import { z } from 'zod';
import type { ZSettings } from './admin';
import type { ZAgentStateSnapshot, ZDeskLists } from './agent';
import { ZId } from './common';
import {
  ZConversationStatus,
  type ZConversationSummary,
  ZMessage,
  type ZOffer,
  ZOfferClosedReason,
} from './conversation';
import type { ZSupervisorOverview } from './supervisor';
import type { ZRequestFailedEvent } from './transfer';

/**
 * Socket.IO namespaces: `/agent` (session cookie at the handshake) and `/customer`
 * (handshake `auth: { token, conversationId }` from the live-chat start answer). Writes go through REST;
 * sockets push. After a reconnect a client refetches (bootstrap, `?after=<seq>`) to catch up.
 */

export const ZOfferClosedEvent = z.object({ offerId: ZId, conversationId: ZId, reason: ZOfferClosedReason });
export const ZMessageCreatedEvent = z.object({ conversationId: ZId, message: ZMessage });
export const ZCustomerConversationUpdatedEvent = z.object({
  status: ZConversationStatus,
  customerLeft: z.boolean(),
  agentName: z.string().nullable(),
});
export const ZTypingEvent = z.object({ conversationId: ZId, typing: z.boolean() });
export const ZCustomerTypingEvent = z.object({ typing: z.boolean() });

export interface AgentServerToClient {
  'agent.state': (e: z.infer<typeof ZAgentStateSnapshot>) => void;
  'offer.created': (e: z.infer<typeof ZOffer>) => void;
  /** The offer's thread preview changed (the customer wrote while the offer waited). */
  'offer.updated': (e: z.infer<typeof ZOffer>) => void;
  'offer.closed': (e: z.infer<typeof ZOfferClosedEvent>) => void;
  'message.created': (e: z.infer<typeof ZMessageCreatedEvent>) => void;
  'conversation.updated': (e: z.infer<typeof ZConversationSummary>) => void;
  /** A message changed: its delivery status (sent, delivered, read, failed) on a provider channel. */
  'message.updated': (e: z.infer<typeof ZMessageCreatedEvent>) => void;
  typing: (e: z.infer<typeof ZTypingEvent>) => void;
  /** A transfer to an agent or a conference invitation of this agent's was not accepted. */
  'request.failed': (e: z.infer<typeof ZRequestFailedEvent>) => void;
  /** Desktop settings changed (e.g. masking): reload what is shown. */
  'settings.changed': (e: z.infer<typeof ZSettings>) => void;
  /**
   * An administrator changed a list agents use: the lists as they are now (no customer data, so
   * nothing to mask), for the State menu, the wrap-up dialog and the quick-response pane.
   */
  'lists.changed': (e: z.infer<typeof ZDeskLists>) => void;
  /** Supervisors and administrators only (room `supervisors`): the whole board, coalesced. */
  'supervisor.overview': (e: z.infer<typeof ZSupervisorOverview>) => void;
  /**
   * The fan-out between server processes (Redis) was interrupted and is back: pushes from other
   * processes may have been lost meanwhile, so catch up as after a reconnect.
   */
  resync: () => void;
}
export type SocketAck = (result: { ok: true } | { ok: false; code: string; message: string }) => void;
export interface AgentClientToServer {
  typing: (e: z.infer<typeof ZTypingEvent>, ack?: SocketAck) => void;
}
export interface CustomerServerToClient {
  'message.created': (e: z.infer<typeof ZMessageCreatedEvent>) => void;
  'conversation.updated': (e: z.infer<typeof ZCustomerConversationUpdatedEvent>) => void;
  typing: (e: z.infer<typeof ZCustomerTypingEvent>) => void;
  /** As the agent's: catch up as after a reconnect (an agent's reply may have been lost). */
  resync: () => void;
}
export interface CustomerClientToServer {
  typing: (e: z.infer<typeof ZCustomerTypingEvent>, ack?: SocketAck) => void;
}
