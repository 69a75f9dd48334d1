import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigurationView } from '../features/admin/components/ConfigurationView';
import { useAttention, useNotificationSetting, useSoundSetting } from '../features/attention/use-attention';
import { ConversationTabs } from '../features/conversations/components/ConversationTabs';
import { type DraftStore, InteractionPane } from '../features/conversations/components/InteractionPane';
import { type HistoryStart, HistoryView } from '../features/history/components/HistoryView';
import { OfferStack } from '../features/offers/components/OfferStack';
import { needsManualAvailable } from '../features/presence/presence-state';
import { ReportsView } from '../features/reports/components/ReportsView';
import { SupervisorBoard } from '../features/supervisor/components/SupervisorBoard';
import type { DeskView } from '../features/supervisor/components/ViewSwitch';
import { useDesk } from './desk/desk-context';
import { Header } from './Header';
import { NoticeList } from './notices/NoticeList';

export const DeskScreen = () => {
  const { t } = useTranslation();
  const { user, presence, conversations } = useDesk();
  const [drafts] = useState<DraftStore>(() => new Map());
  const [soundOn, setSoundOn] = useSoundSetting();
  const [notificationsOn, setNotificationsOn] = useNotificationSetting();
  useAttention({ soundOn, notificationsOn });
  // Supervisors and administrators land on the board; agents never see it.
  const watches = user.role !== 'agent';
  const [view, setView] = useState<DeskView>(watches ? 'board' : 'conversations');
  // The board's "Conversations of <agent>": the history opened on that agent's open conversations.
  const [historyFor, setHistoryFor] = useState<(HistoryStart & { nonce: number }) | null>(null);
  const selected = conversations.selectedId ? conversations.byId[conversations.selectedId] : undefined;

  return (
    <div className="desk">
      <Header
        {...(watches
          ? { view: { current: view, onChange: setView } }
          : {
              sound: { on: soundOn, onChange: setSoundOn },
              notifications: { on: notificationsOn, onChange: setNotificationsOn },
            })}
      />
      {needsManualAvailable(presence) && (
        <p className="banner banner--attention" role="status">
          {t('presence.setAvailableHint')}
        </p>
      )}
      <OfferStack />
      <NoticeList />
      {watches && view === 'board' ? (
        <SupervisorBoard
          onAgentConversations={(agentId) => {
            setHistoryFor({ agentId, status: 'open', nonce: Date.now() });
            setView('history');
          }}
        />
      ) : watches && view === 'reports' ? (
        <ReportsView />
      ) : watches && view === 'history' ? (
        <HistoryView key={historyFor?.nonce ?? 0} initial={historyFor ?? {}} />
      ) : user.role === 'admin' && view === 'configuration' ? (
        <ConfigurationView />
      ) : (
        <main className="desk__body" aria-label={t('app.main')}>
          <ConversationTabs />
          {selected ? (
            <InteractionPane key={selected.summary.id} entry={selected} drafts={drafts} />
          ) : (
            <div className="pane pane--empty">
              <p>{t('conversations.emptyHint')}</p>
            </div>
          )}
        </main>
      )}
    </div>
  );
};
