import type { THistoryDetail, THistoryEvent, TMessage } from '@switchboard/contracts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageItem } from '../../conversations/components/MessageItem';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { useFormatters } from '../../i18n/use-formatters';
import { EraseDialog } from './EraseDialog';
import { RevealDialog } from './RevealDialog';

type RevealTarget = { messageId: string; spanIndex: number; label: string };
const revealKey = (messageId: string, spanIndex: number) => `${messageId}:${spanIndex}`;

/** One line of what happened, in words: who, and which queue where it matters. */
const useEventText = () => {
  const { t } = useTranslation();
  return (event: THistoryEvent) =>
    t(`history.events.${event.type}`, {
      agent: event.agentName ?? t('history.someone'),
      by: event.byAgentName ?? t('history.someone'),
      queue: event.queueName ?? '–',
    });
};

/**
 * One conversation of the history whole, as a supervisor reads it afterwards: the transcript (as
 * the agent saw it, masked where masking is on), what happened to it, and the wrap-ups. A
 * supervisor may reveal a masked value, giving a reason the server audits; the value is shown
 * beside its message, in this pane only.
 */
export const HistoryTranscript = ({
  load,
  canReveal,
  canErase = false,
  onErased,
  attachmentUrl,
}: {
  /** The conversation whole from message `after` on: the supervisor's history, or an agent's interaction history. */
  load: (after: number) => Promise<THistoryDetail>;
  /** Where the customer's files are read (the supervisor's history); without it they are named only. */
  attachmentUrl?: (conversationId: string, attachmentId: string) => string;
  /** Supervisors reveal masked values (audited); nobody else may. */
  canReveal: boolean;
  /** Administrators erase a customer's data on their request (audited), once the conversation has ended. */
  canErase?: boolean;
  /** After an erasure: the list beside it shows the names it had. */
  onErased?: () => void;
}) => {
  const { t } = useTranslation();
  const { dateTime, time } = useFormatters();
  const eventText = useEventText();
  const titleId = useId();
  const [detail, setDetail] = useState<THistoryDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [erasing, setErasing] = useState(false);
  const [erasedCount, setErasedCount] = useState<number | null>(null);

  // One conversation per mount (its parents key it by id): read once, with the loader of that time.
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let current = true;
    loadRef.current(0).then(
      (answer) => current && setDetail(answer),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, []);

  const loadMore = useCallback(async () => {
    if (!detail) {
      return;
    }
    try {
      const last = detail.messages[detail.messages.length - 1]?.seq ?? 0;
      const next = await loadRef.current(last);
      setDetail({ ...next, messages: [...detail.messages, ...next.messages] });
    } catch (failure) {
      setError(failure);
    }
  }, [detail]);

  /** An open conversation read again from its start: what was written since, and what happened. */
  const refresh = async () => {
    try {
      setDetail(await loadRef.current(0));
    } catch (failure) {
      setError(failure);
    }
  };

  if (detail === null) {
    return (
      <section className="history__detail" aria-label={t('history.detail')}>
        <FailureCallout error={error} />
        {error === null && <p role="status">{t('admin.loading')}</p>}
      </section>
    );
  }

  const { conversation, messages, events, wrapUps } = detail;
  const maskedControls = (message: TMessage) =>
    (message.masked ?? []).map((span, spanIndex) => {
      const label = message.body.slice(span.start, span.end);
      const value = revealed[revealKey(message.id, spanIndex)];
      return value !== undefined ? (
        <p key={spanIndex} className="history__revealed">
          {t('history.revealedValue', { type: t(`history.types.${span.type}`), value })}
        </p>
      ) : canReveal ? (
        <button
          key={spanIndex}
          type="button"
          className="link-button history__reveal"
          aria-label={t('history.revealValue', { type: t(`history.types.${span.type}`), value: label })}
          onClick={() => setRevealing({ messageId: message.id, spanIndex, label })}
        >
          {t('history.reveal')} {label}
        </button>
      ) : null;
    });

  return (
    <section className="history__detail" aria-labelledby={titleId}>
      <h3 id={titleId} className="history__title">
        {t('history.conversationWith', { customer: conversation.customerName })}
      </h3>
      <p className="history__meta">
        {t(`channels.${conversation.channel}`)} · {conversation.queueName} · {conversation.entryPointName} ·{' '}
        {dateTime(conversation.arrivedAt)}
        {conversation.endedAt ? ` – ${dateTime(conversation.endedAt)}` : ''}
      </p>
      {conversation.status !== 'ended' && (
        <div>
          <button className="button" type="button" onClick={() => void refresh()}>
            {t('reports.refresh')}
          </button>
        </div>
      )}
      {canErase && conversation.status === 'ended' && (
        <div>
          <button className="button button--danger" type="button" onClick={() => setErasing(true)}>
            {t('history.erase')}
          </button>
        </div>
      )}
      {erasedCount !== null && (
        <p className="callout" role="status">
          {t('history.erased', { count: erasedCount })}
        </p>
      )}
      <FailureCallout error={error} />
      <h4 className="history__subtitle">{t('history.transcript')}</h4>
      <ol className="thread__list history__thread" aria-label={t('history.transcript')}>
        {messages.map((message) => (
          <li key={message.id} className="history__message">
            <ol className="history__message-list">
              <MessageItem
                message={message}
                customerName={conversation.customerName}
                formatTime={time}
                attachmentUrl={attachmentUrl && ((id) => attachmentUrl(message.conversationId, id))}
              />
            </ol>
            {maskedControls(message)}
          </li>
        ))}
      </ol>
      {detail.moreMessages && (
        <button className="button" type="button" onClick={() => void loadMore()}>
          {t('history.moreMessages')}
        </button>
      )}
      <h4 className="history__subtitle">{t('history.whatHappened')}</h4>
      <ol className="history__events" aria-label={t('history.whatHappened')}>
        {events.map((event, k) => (
          // The history is append-only and read whole: an event's place is its identity.
          <li key={k}>
            <time dateTime={event.at}>{time(event.at)}</time> {eventText(event)}
          </li>
        ))}
      </ol>
      {wrapUps.length > 0 && (
        <>
          <h4 className="history__subtitle">{t('history.wrapUps')}</h4>
          {wrapUps.map((wrapUp) => (
            <dl key={`${wrapUp.agentName}-${wrapUp.wrappedAt}`} className="history__wrapup">
              <dt>{t('supervisor.agent')}</dt>
              <dd>{wrapUp.agentName}</dd>
              <dt>{t('history.wrapUpReason')}</dt>
              <dd>{wrapUp.reason ?? '–'}</dd>
              <dt>{t('wrapUp.disposition')}</dt>
              <dd>{wrapUp.disposition ?? '–'}</dd>
              <dt>{t('wrapUp.tags')}</dt>
              <dd>{wrapUp.tags.length > 0 ? wrapUp.tags.join(', ') : '–'}</dd>
              <dt>{t('history.notes')}</dt>
              <dd>{wrapUp.notes ?? '–'}</dd>
            </dl>
          ))}
        </>
      )}
      <EraseDialog
        target={erasing ? { conversationId: conversation.id, customerName: conversation.customerName } : null}
        onClose={() => setErasing(false)}
        onErased={(count) => {
          setErasing(false);
          setErasedCount(count);
          void refresh();
          onErased?.();
        }}
      />
      <RevealDialog
        target={revealing}
        onClose={() => setRevealing(null)}
        onRevealed={(value) => {
          if (revealing) {
            setRevealed((shown) => ({
              ...shown,
              [revealKey(revealing.messageId, revealing.spanIndex)]: value,
            }));
          }
          setRevealing(null);
        }}
      />
    </section>
  );
};
