import type {
  TAgentStateSnapshot,
  TChannel,
  TConferenceRequest,
  TMe,
  TOffer,
  TQuickResponse,
  TReason,
  TSetStateRequest,
  TTransferRequest,
  TTransferTargets,
  TWrapUpRequest,
} from '@switchboard/contracts';
import { createContext, useContext } from 'react';
import type { ConversationsState } from '../../features/conversations/conversations-state';
import type { SocketRelay } from '../../shared/socket/socket-relay';
import type { Notice } from '../notices/notices-state';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export type Profile = {
  user: TMe;
  idleReasons: TReason[];
  wrapUpReasons: TReason[];
  dispositions: TReason[];
  tags: TReason[];
  quickResponses: TQuickResponse[];
};

/** Asks a conversation's composer to take the focus (after Accept), once per nonce. */
export type FocusRequest = { conversationId: string; nonce: number };

export type DeskActions = {
  setPresence: (request: TSetStateRequest) => Promise<void>;
  acceptOffer: (offer: TOffer) => Promise<void>;
  rejectOffer: (offer: TOffer) => Promise<void>;
  selectConversation: (conversationId: string) => void;
  sendMessage: (conversationId: string, body: string) => void;
  retryMessage: (conversationId: string, clientMessageId: string) => void;
  /** Sends a file to the customer; rejects with the ApiError for the composer to show. */
  sendFile: (conversationId: string, file: File) => Promise<void>;
  /** Sends again a stored message whose delivery failed (WhatsApp, SMS, Messenger). */
  resendMessage: (conversationId: string, messageId: string) => Promise<void>;
  /** WhatsApp after the 24-hour window: one of the entry point's approved templates. */
  sendTemplate: (conversationId: string, templateName: string, parameters: string[]) => Promise<void>;
  discardMessage: (conversationId: string, clientMessageId: string) => void;
  /** Resolves true once the conversation is in wrap-up. */
  endConversation: (conversationId: string) => Promise<boolean>;
  /** Rejects with the ApiError for the wrap-up dialog to show. */
  submitWrapUp: (conversationId: string, request: TWrapUpRequest) => Promise<void>;
  /** The Transfer and Conference dialogs' lists, fresh from the server. */
  loadTransferTargets: (channel: TChannel) => Promise<TTransferTargets>;
  /** Rejects with the ApiError for the dialog to show; resolved, the agent is in wrap-up. */
  transferConversation: (conversationId: string, request: TTransferRequest) => Promise<void>;
  /** Rejects with the ApiError for the dialog to show. */
  inviteToConference: (conversationId: string, request: TConferenceRequest) => Promise<void>;
  /** End conference (the first agent) or Exit conference (the added one); true once in wrap-up. */
  leaveConference: (conversationId: string, how: 'end' | 'exit') => Promise<boolean>;
  dismissNotice: (id: string) => void;
  /** The composer took the focus it was asked to take. */
  focusHandled: () => void;
};

export type DeskContextValue = Profile & {
  presence: TAgentStateSnapshot;
  offers: readonly TOffer[];
  conversations: ConversationsState;
  notices: readonly Notice[];
  connection: ConnectionStatus;
  focusRequest: FocusRequest | null;
  actions: DeskActions;
  /** The socket's pushes for features with their own state (the supervisor's board). */
  relay: SocketRelay;
};

export const DeskContext = createContext<DeskContextValue | null>(null);

export const useDesk = (): DeskContextValue => {
  const value = useContext(DeskContext);
  if (!value) {
    throw new Error('useDesk must be used inside <DeskProvider>');
  }
  return value;
};
