import type { TMe, TOffer } from '@switchboard/contracts';
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useSession } from '../../features/auth/session-context';
import {
  type ConversationsState,
  conversationsReducer,
  initialConversationsState,
} from '../../features/conversations/conversations-state';
import { offersReducer } from '../../features/offers/offers-state';
import { presenceReducer } from '../../features/presence/presence-state';
import { createSocketRelay } from '../../shared/socket/socket-relay';
import { noticesReducer } from '../notices/notices-state';
import { createDeskController } from './desk-actions';
import { DeskContext, type DeskContextValue, type FocusRequest, type Profile } from './desk-context';
import { useDeskSocket } from './use-desk-socket';

/** The logged-in agent's desk: state of every feature, the socket, and the actions. */
export const DeskProvider = ({ user, children }: { user: TMe; children: ReactNode }) => {
  const { api } = useSession();
  const [profile, setProfile] = useState<Profile>({
    user,
    idleReasons: [],
    wrapUpReasons: [],
    dispositions: [],
    tags: [],
    quickResponses: [],
  });
  const [presence, dispatchPresence] = useReducer(presenceReducer, {
    state: user.state,
    stateReason: user.stateReason,
    stateSince: user.stateSince,
  });
  const [offers, dispatchOffers] = useReducer(offersReducer, []);
  const [conversations, dispatchConversations] = useReducer(conversationsReducer, initialConversationsState);
  const [notices, dispatchNotices] = useReducer(noticesReducer, []);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);

  // The controller reads the latest state from these when an answer or a push arrives.
  const conversationsRef = useRef<ConversationsState>(conversations);
  const offersRef = useRef<readonly TOffer[]>(offers);
  useLayoutEffect(() => {
    conversationsRef.current = conversations;
    offersRef.current = offers;
  });

  const [controller] = useState(() =>
    createDeskController({
      api,
      conversationsRef,
      offersRef,
      dispatchPresence,
      dispatchOffers,
      dispatchConversations,
      dispatchNotices,
      setProfile,
      setFocusRequest,
    }),
  );

  // Load at once, without waiting for the socket; its `connect` syncs again to close the gap.
  useEffect(() => {
    void controller.sync();
  }, [controller]);

  const [relay] = useState(createSocketRelay);
  const connection = useDeskSocket(controller, relay);

  const value = useMemo<DeskContextValue>(
    () => ({
      ...profile,
      presence,
      offers,
      conversations,
      notices,
      connection,
      focusRequest,
      actions: controller,
      relay,
    }),
    [profile, presence, offers, conversations, notices, connection, focusRequest, controller, relay],
  );

  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
};
