import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk/desk-context';
import {
  arrivedOffers,
  attentionCount,
  lastMessageIds,
  newCustomerMessages,
  previewOf,
  titleWith,
} from './attention';
import { chime } from './chime';

/** An on/off choice of the agent's, kept in this browser (`on` unless they turned it off). */
const useStoredSwitch = (key: string, fallback: boolean) => {
  const [on, setOn] = useState(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? fallback : stored === 'on';
    } catch {
      return fallback;
    }
  });
  const set = (value: boolean) => {
    setOn(value);
    try {
      localStorage.setItem(key, value ? 'on' : 'off');
    } catch {
      // Storage refused (private mode): the choice lasts for this page.
    }
  };
  return [on, set] as const;
};

/** The alert sound: on by default. */
export const useSoundSetting = () => useStoredSwitch('switchboard.offerSound', true);

/** Whether this browser can show the system's notifications at all. */
export const notificationsSupported = (): boolean => typeof Notification !== 'undefined';

/**
 * System notifications of contact requests and customers' messages, for an agent whose desktop is hidden behind another
 * window: off until the agent turns them on, which asks the browser's permission; a refusal
 * leaves them off.
 */
export const useNotificationSetting = () => {
  const [on, set] = useStoredSwitch('switchboard.offerNotifications', false);
  const change = async (value: boolean) => {
    if (!value || !notificationsSupported()) {
      set(false);
      return;
    }
    const permission =
      Notification.permission === 'default'
        ? await Notification.requestPermission()
        : Notification.permission;
    set(permission === 'granted');
  };
  const allowed = on && notificationsSupported() && Notification.permission === 'granted';
  return [allowed, change] as const;
};

/**
 * A system notification; a click brings the desktop to the front (and `onClick`, e.g. opens the
 * conversation). One per `tag`: a later one with the same tag replaces it.
 */
const notify = ({
  tag,
  title,
  body,
  onClick,
}: {
  tag: string;
  title: string;
  body: string;
  onClick?: () => void;
}) => {
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      onClick?.();
      notification.close();
    };
  } catch {
    // The browser refused after all (a revoked permission): the title and the chime remain.
  }
};

/**
 * Keeps the agent's attention where it is needed while they work elsewhere: the tab's title counts
 * contact requests and waiting customers; a new contact request chimes (when the sound is on) and,
 * while the desktop is hidden, shows a system notification (when the agent turned them on), as does
 * a customer's new message in a conversation the agent holds, with its first words (the seeds'
 * "desktop notifications, modal and preview"); a click on that one opens the conversation. What
 * they show is what the server sent this agent: the offer's customer name and the message, masked
 * where masking is on.
 */
export const useAttention = ({
  soundOn,
  notificationsOn,
}: {
  soundOn: boolean;
  notificationsOn: boolean;
}) => {
  const { t } = useTranslation();
  const { offers, conversations, actions } = useDesk();
  const seen = useRef<Set<string> | null>(null);
  const seenMessages = useRef<Map<string, string | null> | null>(null);

  const count = attentionCount({
    offers,
    conversations: Object.values(conversations.byId).map((entry) => entry.summary),
  });
  const name = t('app.name');
  useEffect(() => {
    document.title = titleWith(name, count);
    return () => {
      document.title = name;
    };
  }, [name, count]);

  useEffect(() => {
    // The requests already there when the desk opens are not new: no chime for them.
    const arrived = seen.current === null ? [] : arrivedOffers(seen.current, offers);
    seen.current = new Set(offers.map((offer) => offer.id));
    if (arrived.length === 0) {
      return;
    }
    if (soundOn) {
      chime();
    }
    if (notificationsOn && document.visibilityState === 'hidden') {
      for (const offer of offers.filter((o) => arrived.includes(o.id))) {
        notify({
          tag: offer.id,
          title: t('attention.notificationTitle'),
          body: t('attention.notificationBody', { customer: offer.customerName, queue: offer.queueName }),
        });
      }
    }
  }, [offers, soundOn, notificationsOn, t]);
  const held = conversations.byId;
  useEffect(() => {
    const summaries = Object.values(held).map((entry) => entry.summary);
    // What the desk holds when it opens is not new.
    const arrived = seenMessages.current === null ? [] : newCustomerMessages(seenMessages.current, summaries);
    seenMessages.current = lastMessageIds(summaries);
    if (!notificationsOn || document.visibilityState !== 'hidden') {
      return;
    }
    for (const summary of arrived) {
      // The message as the server gave it to this agent: masked where masking is on.
      notify({
        tag: `conversation:${summary.id}`,
        title: t('attention.messageNotificationTitle', { customer: summary.customerName }),
        body: previewOf(summary.lastMessage?.body ?? ''),
        onClick: () => actions.selectConversation(summary.id),
      });
    }
  }, [held, notificationsOn, actions, t]);
};
