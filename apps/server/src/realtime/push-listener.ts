import type { ChannelRegistry } from '@switchboard/channels';
import type { DomainEvent } from '@switchboard/core';
import type { AppContext } from '../app/context';
import { customerRoom, type RealtimeServer, userRoom } from './sockets';

/**
 * Domain events become socket pushes (Chatwoot's action_cable_listener). Every agent gets their
 * own copy, built for them: the place where per-viewer masking applies.
 */
export const createPushListener =
  ({ ctx, realtime, channels }: { ctx: AppContext; realtime: RealtimeServer; channels: ChannelRegistry }) =>
  async (event: DomainEvent): Promise<void> => {
    const { views } = ctx.store;
    switch (event.type) {
      case 'offer.created': {
        const offer = await ctx.desk.offer(event.offerId);
        if (offer) {
          realtime.agents.to(userRoom(event.agentId)).emit('offer.created', offer);
        }
        return;
      }
      case 'offer.closed': {
        realtime.agents.to(userRoom(event.agentId)).emit('offer.closed', {
          offerId: event.offerId,
          conversationId: event.conversationId,
          reason: event.reason,
        });
        return;
      }
      case 'agent.state_changed': {
        realtime.agents.to(userRoom(event.agentId)).emit('agent.state', {
          state: event.state,
          stateReason: event.reason,
          stateSince: event.since.toISOString(),
        });
        return;
      }
      case 'message.created': {
        if (event.opening) {
          // No audience yet (see the event): one query less for every arrival.
          return;
        }
        const fanout = await ctx.desk.messageFanout(event.messageId);
        if (!fanout) {
          return;
        }
        if (fanout.audience === 'all') {
          await channels
            .get(fanout.channel)
            .deliver({ conversationId: event.conversationId, message: fanout.message });
        }
        for (const userId of fanout.liveParticipantIds) {
          realtime.agents
            .to(userRoom(userId))
            .emit('message.created', { conversationId: event.conversationId, message: fanout.forDesk });
        }
        // The agent holding an offer sees the thread preview grow, as the popover shows the thread.
        const offer = fanout.pendingOffer ? await ctx.desk.offer(fanout.pendingOffer.id) : null;
        if (fanout.pendingOffer && offer) {
          realtime.agents.to(userRoom(fanout.pendingOffer.userId)).emit('offer.updated', offer);
        }
        return;
      }
      case 'message.delivery_changed':
      case 'message.attachments_changed': {
        // The bubble's mark, to the agents with the conversation open (in wrap-up too): the same
        // one-statement fan-out as a new message's, read ahead with the commit that moved it.
        const fanout = await ctx.desk.messageFanout(event.messageId);
        if (!fanout) {
          return;
        }
        for (const userId of fanout.liveParticipantIds) {
          realtime.agents
            .to(userRoom(userId))
            .emit('message.updated', { conversationId: event.conversationId, message: fanout.forDesk });
        }
        return;
      }
      case 'conversation.updated': {
        const customerView = await views.getCustomerConversation(event.conversationId);
        if (customerView) {
          realtime.customers.to(customerRoom(event.conversationId)).emit('conversation.updated', {
            status: customerView.status,
            customerLeft: customerView.customerLeft,
            agentName: customerView.agentName,
          });
        }
        for (const userId of await views.listParticipantIds(event.conversationId)) {
          const summary = await ctx.desk.summary(event.conversationId, userId);
          if (summary) {
            realtime.agents.to(userRoom(userId)).emit('conversation.updated', summary);
          }
        }
        return;
      }
      case 'customer.named': {
        // The tab, the pane and the popover show the customer's name: each viewer's own copy, masked.
        for (const userId of await views.listParticipantIds(event.conversationId)) {
          const summary = await ctx.desk.summary(event.conversationId, userId);
          if (summary) {
            realtime.agents.to(userRoom(userId)).emit('conversation.updated', summary);
          }
        }
        const offer = event.pendingOffer ? await ctx.desk.offer(event.pendingOffer.offerId) : null;
        if (event.pendingOffer && offer) {
          realtime.agents.to(userRoom(event.pendingOffer.agentId)).emit('offer.updated', offer);
        }
        return;
      }
      case 'request.failed': {
        const agent = await views.getMe(event.agentId);
        realtime.agents.to(userRoom(event.requestedBy)).emit('request.failed', {
          conversationId: event.conversationId,
          kind: event.kind,
          agentName: agent?.name ?? '',
          reason: event.reason,
        });
        return;
      }
      case 'session.ended': {
        realtime.disconnectSession(event.sessionId);
        return;
      }
      case 'lists.changed': {
        // Open desktops take the administrator's lists as they are now: no reload, no bootstrap.
        realtime.agents.emit('lists.changed', await views.listDeskLists());
        return;
      }
      case 'settings.changed': {
        // Open desktops reload what they show, so a change of masking applies at once.
        realtime.agents.emit('settings.changed', await views.getSettings());
        return;
      }
      default:
        return;
    }
  };
