import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk/desk-context';
import { arrivedOffers, attentionCount, titleWith } from './attention';
import { chime } from './chime';

const SOUND_KEY = 'switchboard.offerSound';

/** Whether the alert sound is on: on by default, the agent's choice kept in this browser. */
export const useSoundSetting = () => {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(SOUND_KEY) !== 'off';
    } catch {
      return true;
    }
  });
  const set = (value: boolean) => {
    setOn(value);
    try {
      localStorage.setItem(SOUND_KEY, value ? 'on' : 'off');
    } catch {
      // Storage refused (private mode): the choice lasts for this page.
    }
  };
  return [on, set] as const;
};

/**
 * Keeps the agent's attention where it is needed while they work elsewhere: the tab's title counts
 * contact requests and waiting customers, and a new contact request chimes (when the sound is on).
 */
export const useAttention = (soundOn: boolean) => {
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
    if (arrived.length > 0 && soundOn) {
      chime();
    }
  }, [offers, soundOn]);
};
