import type { THistoryConversation } from '@switchboard/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../shared/ui/ModalDialog';
import { useSession } from '../../auth/session-context';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { useFormatters } from '../../i18n/use-formatters';
import { fetchEarlier, fetchEarlierDetail } from '../history-api';
import { HistoryTranscript } from './HistoryTranscript';

/**
 * The seeds' agent interaction history: the customer's earlier conversations (same WhatsApp or SMS
 * number, same Messenger sender), newest first, each readable whole (masked as the desk masks).
 * A live chat has none: nothing the customer types in the widget proves who they are.
 */
export const InteractionHistory = ({
  conversationId,
  customer,
}: {
  conversationId: string;
  customer: string;
}) => {
  const { t } = useTranslation();
  const { api } = useSession();
  const { dateTime } = useFormatters();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [earlier, setEarlier] = useState<THistoryConversation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    if (!open) {
      return;
    }
    let current = true;
    setError(null);
    fetchEarlier(api, conversationId).then(
      (answer) => {
        if (current) {
          setEarlier(answer.conversations);
          setSelected((shown) => shown ?? answer.conversations[0]?.id ?? null);
        }
      },
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [api, conversationId, open]);

  return (
    <>
      <button className="button" type="button" onClick={() => setOpen(true)}>
        {t('history.interactionHistory')}
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} labelledBy={titleId} className="modal--history">
        <div className="earlier">
          <h2 id={titleId} className="modal__title">
            {t('history.earlierOf', { customer })}
          </h2>
          <FailureCallout error={error} />
          {earlier === null && error === null && <p role="status">{t('admin.loading')}</p>}
          {earlier !== null && earlier.length === 0 && (
            <p className="modal__text">{t('history.noEarlier')}</p>
          )}
          {earlier !== null && earlier.length > 0 && (
            <div className="earlier__split">
              <ul className="earlier__list" aria-label={t('history.earlierList')}>
                {earlier.map((conversation) => (
                  <li key={conversation.id}>
                    <button
                      type="button"
                      className="earlier__item"
                      aria-pressed={conversation.id === selected}
                      onClick={() => setSelected(conversation.id)}
                    >
                      <span className="earlier__when">{dateTime(conversation.arrivedAt)}</span>
                      <span className="earlier__what">
                        {t(`channels.${conversation.channel}`)} · {conversation.queueName}
                        {conversation.agents.length > 0 &&
                          ` · ${conversation.agents.map((a) => a.name).join(', ')}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {selected !== null && (
                <HistoryTranscript
                  key={selected}
                  load={(after) => fetchEarlierDetail(api, conversationId, selected, after)}
                  canReveal={false}
                  attachmentUrl={(earlierId, attachmentId) =>
                    `/api/conversations/${conversationId}/earlier/${earlierId}/attachments/${attachmentId}`
                  }
                />
              )}
            </div>
          )}
          <div className="modal__actions">
            <button className="button" type="button" onClick={() => setOpen(false)}>
              {t('wrapUp.close')}
            </button>
          </div>
        </div>
      </ModalDialog>
    </>
  );
};
