import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationTabs } from '../features/conversations/components/ConversationTabs';
import { type DraftStore, InteractionPane } from '../features/conversations/components/InteractionPane';
import { OfferStack } from '../features/offers/components/OfferStack';
import { needsManualAvailable } from '../features/presence/presence-state';
import { useDesk } from './desk/desk-context';
import { Header } from './Header';
import { NoticeList } from './notices/NoticeList';

export const DeskScreen = () => {
  const { t } = useTranslation();
  const { presence, conversations } = useDesk();
  const [drafts] = useState<DraftStore>(() => new Map());
  const selected = conversations.selectedId ? conversations.byId[conversations.selectedId] : undefined;

  return (
    <div className="desk">
      <Header />
      {needsManualAvailable(presence) && (
        <p className="banner banner--attention" role="status">
          {t('presence.setAvailableHint')}
        </p>
      )}
      <OfferStack />
      <NoticeList />
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
    </div>
  );
};
