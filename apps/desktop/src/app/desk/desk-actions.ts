import type {
  AgentServerToClient,
  TConversationDetail,
  TConversationSummary,
  TOffer,
} from '@switchboard/contracts';
import type { Dispatch, RefObject, SetStateAction } from 'react';
import {
  fetchConversation,
  fetchMessagesAfter,
  postEndConversation,
  postFile,
  postMessage,
  postResendMessage,
  postTemplateMessage,
} from '../../features/conversations/conversations-api';
import type {
  ConversationsEvent,
  ConversationsState,
} from '../../features/conversations/conversations-state';
import { lastSeq } from '../../features/conversations/utils/merge-messages';
import { postAcceptOffer, postRejectOffer } from '../../features/offers/offers-api';
import type { OffersEvent } from '../../features/offers/offers-state';
import { putAgentState } from '../../features/presence/presence-api';
import type { PresenceEvent } from '../../features/presence/presence-state';
import {
  fetchTransferTargets,
  postConference,
  postLeaveConference,
  postTransfer,
} from '../../features/transfer/transfer-api';
import { postWrapUp } from '../../features/wrap-up/wrap-up-api';
import type { ApiClient } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { newClientMessageId } from '../../shared/ids/client-message-id';
import type { Notice, NoticesEvent } from '../notices/notices-state';
import { fetchBootstrap } from './desk-api';
import type { DeskActions, FocusRequest, Profile } from './desk-context';

type Deps = {
  api: ApiClient;
  conversationsRef: RefObject<ConversationsState>;
  offersRef: RefObject<readonly TOffer[]>;
  dispatchPresence: Dispatch<PresenceEvent>;
  dispatchOffers: Dispatch<OffersEvent>;
  dispatchConversations: Dispatch<ConversationsEvent>;
  dispatchNotices: Dispatch<NoticesEvent>;
  setProfile: Dispatch<SetStateAction<Profile>>;
  setFocusRequest: Dispatch<SetStateAction<FocusRequest | null>>;
};

type SocketHandlers = { [K in keyof AgentServerToClient]: AgentServerToClient[K] };

export type DeskController = DeskActions & {
  /** Bootstrap and per-conversation catch-up: on load and on every (re)connect. */
  sync: () => Promise<void>;
  /** True while the session is valid; a 401 here ends it (the API client reports it). */
  checkSession: () => Promise<boolean>;
  // The supervisor's board has its own subscriber (features/supervisor).
  socketHandlers: Omit<SocketHandlers, 'typing' | 'supervisor.overview'>;
};

const splitDetail = ({
  messages,
  ...summary
}: TConversationDetail): [TConversationSummary, typeof messages] => [summary, messages];

/**
 * Every change the desk makes or receives. Writes go through REST, pushes arrive on the socket,
 * and both land in the same reducers, which de-duplicate.
 */
export const createDeskController = (deps: Deps): DeskController => {
  const { api, conversationsRef, offersRef } = deps;
  const { dispatchPresence, dispatchOffers, dispatchConversations, dispatchNotices } = deps;

  const notify = (notice: Omit<Notice, 'id'>) =>
    dispatchNotices({ type: 'shown', notice: { ...notice, id: newClientMessageId() } });

  const notifyError = (error: unknown) => {
    // A 401 already sent the agent to the login screen with "Your session has expired".
    if (!(isApiError(error) && error.status === 401)) {
      notify({ tone: 'error', error });
    }
  };

  const catchUp = async (conversationId: string) => {
    const entry = conversationsRef.current.byId[conversationId];
    const { messages } = await fetchMessagesAfter(
      api,
      conversationId,
      entry ? lastSeq(entry.messages) : null,
    );
    dispatchConversations({ type: 'messagesReceived', conversationId, messages });
  };

  const refreshConversation = async (conversationId: string) => {
    try {
      const [summary, messages] = splitDetail(await fetchConversation(api, conversationId));
      dispatchConversations({ type: 'upserted', summary, messages });
    } catch (error) {
      if (isApiError(error, 'NOT_A_PARTICIPANT') || isApiError(error, 'CONVERSATION_NOT_FOUND')) {
        dispatchConversations({ type: 'removed', conversationId });
      }
    }
  };

  let syncing: Promise<void> | null = null;
  let syncAgain = false;
  const runSync = async () => {
    do {
      syncAgain = false;
      try {
        const boot = await fetchBootstrap(api);
        const { user } = boot;
        deps.setProfile({
          user,
          idleReasons: boot.idleReasons,
          wrapUpReasons: boot.wrapUpReasons,
          dispositions: boot.dispositions,
          tags: boot.tags,
          quickResponses: boot.quickResponses,
        });
        dispatchPresence({
          type: 'changed',
          snapshot: { state: user.state, stateReason: user.stateReason, stateSince: user.stateSince },
        });
        dispatchOffers({ type: 'replaced', offers: boot.offers });
        dispatchConversations({ type: 'synced', summaries: boot.conversations });
        await Promise.all(
          boot.conversations.filter((c) => c.participation.state !== 'done').map((c) => catchUp(c.id)),
        );
      } catch (error) {
        notifyError(error);
      }
    } while (syncAgain);
  };
  const sync = () => {
    // A reconnect during a sync must not be lost: run once more after the current one.
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = runSync().finally(() => {
      syncing = null;
    });
    return syncing;
  };

  const deliver = async (conversationId: string, clientMessageId: string, body: string) => {
    try {
      const message = await postMessage(api, conversationId, { body, clientMessageId });
      dispatchConversations({ type: 'messagesReceived', conversationId, messages: [message] });
    } catch (error) {
      dispatchConversations({ type: 'sendFailed', conversationId, clientMessageId, error });
      if (isApiError(error, 'CUSTOMER_LEFT') || isApiError(error, 'CONVERSATION_ENDED')) {
        await refreshConversation(conversationId);
      }
    }
  };

  const closeOfferAfterFailure = (offer: TOffer, error: unknown) => {
    if (isApiError(error, 'OFFER_CLOSED') || isApiError(error, 'OFFER_NOT_FOUND')) {
      dispatchOffers({ type: 'removed', offerId: offer.id });
    }
    notifyError(error);
  };

  return {
    sync,
    checkSession: async () => {
      try {
        await api.get('/api/auth/me');
        return true;
      } catch (error) {
        return !(isApiError(error) && error.status === 401);
      }
    },
    socketHandlers: {
      // What other server processes pushed during a Redis outage never came: catch up as after a
      // reconnect.
      resync: () => {
        sync().catch(notifyError);
      },
      'agent.state': (snapshot) => dispatchPresence({ type: 'changed', snapshot }),
      'offer.created': (offer) => dispatchOffers({ type: 'added', offer }),
      'lists.changed': (lists) => deps.setProfile((profile) => ({ ...profile, ...lists })),
      'settings.changed': () => {
        // Masking switched on or off: what is on screen was built under the old setting, so
        // every open thread is fetched whole again, not only what came after it.
        void sync().then(() =>
          Promise.all(conversationsRef.current.order.map((id) => refreshConversation(id))),
        );
      },
      'offer.updated': (offer) => {
        // Only refresh an offer still shown: an update racing its close must not bring it back.
        if (offersRef.current.some((o) => o.id === offer.id)) {
          dispatchOffers({ type: 'added', offer });
        }
      },
      'offer.closed': ({ offerId, reason }) => {
        const offer = offersRef.current.find((o) => o.id === offerId);
        dispatchOffers({ type: 'removed', offerId });
        if (offer && (reason === 'timed_out' || reason === 'withdrawn')) {
          const key = reason === 'timed_out' ? 'offers.timedOut' : 'offers.withdrawn';
          notify({ tone: 'info', key, values: { customer: offer.customerName } });
        }
      },
      'request.failed': ({ kind, agentName, reason }) => {
        // A transfer's conversation is back in its queue; an invitation's panel is back to normal.
        const key = kind === 'transfer' ? 'transfer.failed' : 'transfer.conferenceFailed';
        notify({ tone: 'info', key, values: { agent: agentName, reason } });
      },
      'message.created': ({ conversationId, message }) =>
        dispatchConversations({ type: 'messagesReceived', conversationId, messages: [message] }),
      'message.updated': ({ conversationId, message }) =>
        dispatchConversations({ type: 'messagesReceived', conversationId, messages: [message] }),
      'conversation.updated': (summary) => {
        const known = conversationsRef.current.byId[summary.id] !== undefined;
        dispatchConversations({ type: 'upserted', summary });
        // Accepted in another tab or transferred to us: the thread is not here yet.
        if (!known && summary.participation.state !== 'done') {
          catchUp(summary.id).catch(notifyError);
        }
      },
    },

    setPresence: async (request) => {
      try {
        dispatchPresence({ type: 'changed', snapshot: await putAgentState(api, request) });
      } catch (error) {
        notifyError(error);
      }
    },
    acceptOffer: async (offer) => {
      try {
        const [summary, messages] = splitDetail(await postAcceptOffer(api, offer.id));
        dispatchOffers({ type: 'removed', offerId: offer.id });
        dispatchConversations({ type: 'upserted', summary, messages, select: true });
        deps.setFocusRequest({ conversationId: summary.id, nonce: Date.now() });
      } catch (error) {
        closeOfferAfterFailure(offer, error);
      }
    },
    rejectOffer: async (offer) => {
      try {
        await postRejectOffer(api, offer.id);
        dispatchOffers({ type: 'removed', offerId: offer.id });
      } catch (error) {
        closeOfferAfterFailure(offer, error);
      }
    },
    selectConversation: (conversationId) => dispatchConversations({ type: 'selected', conversationId }),
    sendMessage: (conversationId, body) => {
      const clientMessageId = newClientMessageId();
      dispatchConversations({
        type: 'sendStarted',
        conversationId,
        clientMessageId,
        body,
        createdAt: new Date().toISOString(),
      });
      void deliver(conversationId, clientMessageId, body);
    },
    sendFile: async (conversationId, file) => {
      const message = await postFile(api, conversationId, file, newClientMessageId());
      dispatchConversations({ type: 'messagesReceived', conversationId, messages: [message] });
    },
    retryMessage: (conversationId, clientMessageId) => {
      const pending = conversationsRef.current.byId[conversationId]?.pending.find(
        (p) => p.clientMessageId === clientMessageId,
      );
      if (pending?.status === 'failed') {
        dispatchConversations({ type: 'sendRetried', conversationId, clientMessageId });
        // Same clientMessageId: if the first attempt did reach the server, it is stored once.
        void deliver(conversationId, clientMessageId, pending.body);
      }
    },
    sendTemplate: async (conversationId, templateName, parameters) => {
      try {
        const message = await postTemplateMessage(api, conversationId, {
          templateName,
          parameters,
          clientMessageId: newClientMessageId(),
        });
        dispatchConversations({ type: 'messagesReceived', conversationId, messages: [message] });
      } catch (error) {
        notifyError(error);
      }
    },
    resendMessage: async (conversationId, messageId) => {
      try {
        const message = await postResendMessage(api, conversationId, messageId);
        dispatchConversations({ type: 'messagesReceived', conversationId, messages: [message] });
      } catch (error) {
        notifyError(error);
      }
    },
    discardMessage: (conversationId, clientMessageId) =>
      dispatchConversations({ type: 'sendDiscarded', conversationId, clientMessageId }),
    endConversation: async (conversationId) => {
      try {
        dispatchConversations({ type: 'upserted', summary: await postEndConversation(api, conversationId) });
        return true;
      } catch (error) {
        if (isApiError(error, 'ALREADY_ENDED')) {
          await refreshConversation(conversationId);
          return true;
        }
        notifyError(error);
        return false;
      }
    },
    submitWrapUp: async (conversationId, request) => {
      try {
        await postWrapUp(api, conversationId, request);
        dispatchConversations({ type: 'removed', conversationId });
      } catch (error) {
        if (isApiError(error, 'NOT_IN_WRAP_UP')) {
          await refreshConversation(conversationId);
        }
        throw error;
      }
    },
    loadTransferTargets: (channel) => fetchTransferTargets(api, channel),
    transferConversation: async (conversationId, request) => {
      dispatchConversations({ type: 'upserted', summary: await postTransfer(api, conversationId, request) });
    },
    inviteToConference: async (conversationId, request) => {
      dispatchConversations({
        type: 'upserted',
        summary: await postConference(api, conversationId, request),
      });
    },
    leaveConference: async (conversationId, how) => {
      try {
        dispatchConversations({
          type: 'upserted',
          summary: await postLeaveConference(api, conversationId, how),
        });
        return true;
      } catch (error) {
        notifyError(error);
        await refreshConversation(conversationId);
        return false;
      }
    },
    dismissNotice: (id) => dispatchNotices({ type: 'dismissed', id }),
    focusHandled: () => deps.setFocusRequest(null),
  };
};
