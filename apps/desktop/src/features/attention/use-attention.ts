import type { TOffer } from '@switchboard/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk/desk-context';
import { arrivedOffers, attentionCount, titleWith } from './attention';
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
 * System notifications of contact requests, for an agent whose desktop is hidden behind another
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

/** A system notification of a new contact request; a click brings the desktop to the front. */
const notify = (offer: TOffer, title: string, body: string) => {
  try {
    const notification = new Notification(title, { body, tag: offer.id });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // The browser refused after all (a revoked permission): the title and the chime remain.
  }
};

/**
 * Keeps the agent's attention where it is needed while they work elsewhere: the tab's title counts
 * contact requests and waiting customers; a new contact request chimes (when the sound is on) and,
 * while the desktop is hidden, shows a system notification (when the agent turned them on). The
 * customer's name in it is the offer's, masked by the server where masking is on.
 */
export const useAttention = ({
  soundOn,
  notificationsOn,
}: {
  soundOn: boolean;
  notificationsOn: boolean;
}) => {
  const { t } = useTranslation();
  const { offers, conversations } = useDesk();
  const seen = useRef<Set<string> | null>(null);

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
        notify(
          offer,
          t('attention.notificationTitle'),
          t('attention.notificationBody', { customer: offer.customerName, queue: offer.queueName }),
        );
      }
    }
  }, [offers, soundOn, notificationsOn, t]);
};
