import type { TOffer } from '@switchboard/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../shared/time/clock';
import { Timer } from '../../../shared/time/Timer';
import { systemText } from '../../conversations/utils/system-text';
import { useFormatters } from '../../i18n/use-formatters';

const PREVIEW_MESSAGES = 3;

/** How much of the offer timeout is left, as a bar (the popover's Timer counts since arrival). */
const DeadlineBar = ({ offeredAt, deadlineAt }: { offeredAt: string; deadlineAt: string }) => {
  const now = useNow();
  const total = Date.parse(deadlineAt) - Date.parse(offeredAt);
  const left = Date.parse(deadlineAt) - now;
  const ratio = total > 0 ? Math.min(1, Math.max(0, left / total)) : 0;
  return (
    <div className="offer__deadline" aria-hidden="true">
      <div className="offer__deadline-fill" style={{ transform: `scaleX(${ratio})` }} />
    </div>
  );
};

/**
 * The seeds' "contact request popover": customer, queue, message thread, agent, date, a timer
 * since the conversation arrived, Accept, and CXone's Reject.
 */
export const OfferCard = ({
  offer,
  onAccept,
  onReject,
}: {
  offer: TOffer;
  onAccept: (offer: TOffer) => Promise<void>;
  onReject: (offer: TOffer) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const titleId = useId();
  const [busy, setBusy] = useState<'accept' | 'reject' | null>(null);
  const preview = offer.preview.slice(-PREVIEW_MESSAGES);

  const run = async (kind: 'accept' | 'reject') => {
    setBusy(kind);
    try {
      await (kind === 'accept' ? onAccept(offer) : onReject(offer));
    } finally {
      setBusy(null);
    }
  };

  return (
    <dialog open className={`offer offer--${offer.channel}`} aria-labelledby={titleId}>
      <div className="offer__header">
        <h2 id={titleId} className="offer__title">
          {t('offers.title', { customer: offer.customerName })}
        </h2>
        <Timer since={offer.arrivedAt} label={t('offers.waiting')} tone="blue" />
      </div>
      {offer.proactive && <p className="badge">{t('offers.proactive')}</p>}
      {offer.request && (
        <p className="badge">
          {offer.request.kind === 'transfer'
            ? t('offers.transferFrom', { agent: offer.request.requestedBy })
            : t('offers.conferenceFrom', { agent: offer.request.requestedBy })}
          {offer.request.comment && ` · ${offer.request.comment}`}
        </p>
      )}
      <dl className="facts">
        {offer.customerPhone && (
          <div>
            <dt>{t('offers.customerPhone')}</dt>
            <dd>{offer.customerPhone}</dd>
          </div>
        )}
        {offer.sourceNumber && (
          <div>
            <dt>{t('offers.sourceNumber')}</dt>
            <dd>{offer.sourceNumber}</dd>
          </div>
        )}
        {offer.sourcePage && (
          <div>
            <dt>{t('offers.sourcePage')}</dt>
            <dd>{offer.sourcePage}</dd>
          </div>
        )}
        <div>
          <dt>{t('offers.queue')}</dt>
          <dd>{offer.queueName}</dd>
        </div>
        <div>
          <dt>{t('offers.source')}</dt>
          <dd>
            {t(`channels.${offer.channel}`)} · {offer.entryPointName}
          </dd>
        </div>
        {offer.customerEmail && (
          <div>
            <dt>{t('auth.email')}</dt>
            <dd>{offer.customerEmail}</dd>
          </div>
        )}
        <div>
          <dt>{t('offers.agent')}</dt>
          <dd>{offer.agentName}</dd>
        </div>
        <div>
          <dt>{t('offers.date')}</dt>
          <dd>{dateTime(offer.arrivedAt)}</dd>
        </div>
      </dl>
      {preview.length > 0 ? (
        <ol className="offer__preview">
          {preview.map((message) => (
            <li key={message.id} className={`offer__line offer__line--${message.author}`}>
              {message.author === 'system' ? (
                systemText(message, t)
              ) : (
                <>
                  <span className="offer__author">{message.authorName}:</span> {message.body}
                </>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="offer__empty">{t('offers.noPreview')}</p>
      )}
      <DeadlineBar offeredAt={offer.offeredAt} deadlineAt={offer.deadlineAt} />
      <div className="offer__actions">
        <button className="button" type="button" disabled={busy !== null} onClick={() => void run('reject')}>
          {t('offers.reject')}
        </button>
        <button
          className="button button--primary"
          type="button"
          disabled={busy !== null}
          onClick={() => void run('accept')}
        >
          {t('offers.accept')}
        </button>
      </div>
    </dialog>
  );
};
