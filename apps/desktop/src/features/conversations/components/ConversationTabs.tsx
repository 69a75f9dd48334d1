import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { ConversationTab } from './ConversationTab';
import { tabId } from './ids';

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** The contact tabs on the left; arrows, Home and End move between them (ARIA tabs pattern). */
export const ConversationTabs = () => {
  const { t } = useTranslation();
  const { conversations, actions } = useDesk();
  const { order, byId, selectedId } = conversations;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[event.key];
    if (!move || order.length === 0) {
      return;
    }
    event.preventDefault();
    const current = selectedId ? order.indexOf(selectedId) : 0;
    const next = order[move(Math.max(current, 0), order.length)];
    if (next) {
      actions.selectConversation(next);
      document.getElementById(tabId(next))?.focus();
    }
  };

  return (
    <nav className="sidebar" aria-label={t('conversations.listLabel')}>
      {order.length === 0 ? (
        <p className="sidebar__empty">{t('conversations.empty')}</p>
      ) : (
        <div
          role="tablist"
          aria-orientation="vertical"
          aria-label={t('conversations.listLabel')}
          className="tablist"
          onKeyDown={onKeyDown}
        >
          {order.map((id) => {
            const entry = byId[id];
            return entry ? (
              <ConversationTab
                key={id}
                entry={entry}
                selected={id === selectedId}
                onSelect={actions.selectConversation}
              />
            ) : null;
          })}
        </div>
      )}
    </nav>
  );
};
