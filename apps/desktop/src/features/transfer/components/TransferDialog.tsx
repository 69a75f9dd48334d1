import type { TTransferTargets } from '@switchboard/contracts';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../shared/ui/ModalDialog';
import { describeError } from '../../i18n/describe-error';
import { filterByName, sortAgents } from '../filter-targets';

export type TransferChoice = { type: 'queue'; queueId: string } | { type: 'agent'; agentId: string };

const COMMENT_MAX = 1000;

/**
 * The seeds' "Transfer request" and "Conference request" dialogs: a queue or an agent (a
 * conference: an agent) from lists filtered by a search field, a Reload button that fetches the
 * agents' current states, and for a transfer an optional comment for the next agent.
 */
export const TransferDialog = ({
  open,
  mode,
  loadTargets,
  onSubmit,
  onClose,
}: {
  open: boolean;
  mode: 'transfer' | 'conference';
  loadTargets: () => Promise<TTransferTargets>;
  /** Rejects with the ApiError for the dialog to show (e.g. the agent is no longer Available). */
  onSubmit: (choice: TransferChoice, comment: string) => Promise<void>;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [targets, setTargets] = useState<TTransferTargets | null>(null);
  const [loading, setLoading] = useState(false);
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState<TransferChoice | null>(null);
  const [comment, setComment] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setTargets(await loadTargets());
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, [loadTargets]);

  useEffect(() => {
    if (open) {
      setQuery('');
      setChoice(null);
      setComment('');
      setSubmitting(false);
      void reload();
    }
  }, [open, reload]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!choice || submitting) {
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit(choice, comment.trim());
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  const locale = i18n.language;
  const queues = mode === 'transfer' ? filterByName(targets?.queues ?? [], query, locale) : [];
  const agents = filterByName(sortAgents(targets?.agents ?? []), query, locale);
  const title = mode === 'transfer' ? t('transfer.transferTitle') : t('transfer.conferenceTitle');
  const chosen = (type: TransferChoice['type'], id: string) =>
    choice?.type === type && (choice.type === 'queue' ? choice.queueId : choice.agentId) === id;

  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={titleId} className="modal--transfer">
      <form className="transfer" onSubmit={(event) => void submit(event)}>
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <div className="transfer__search">
          <input
            className="input"
            type="search"
            aria-label={mode === 'transfer' ? t('transfer.search') : t('transfer.searchAgents')}
            placeholder={mode === 'transfer' ? t('transfer.search') : t('transfer.searchAgents')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
              }
            }}
          />
          <button className="button" type="button" onClick={() => void reload()} disabled={loading}>
            {t('transfer.reload')}
          </button>
        </div>
        {loading && targets === null && <p role="status">{t('transfer.loading')}</p>}
        {mode === 'transfer' && (
          <fieldset className="transfer__list">
            <legend>{t('transfer.queues')}</legend>
            {queues.map((queue) => (
              <label key={queue.id} className={`reason${chosen('queue', queue.id) ? ' reason--chosen' : ''}`}>
                <input
                  type="radio"
                  name={`${titleId}-target`}
                  checked={chosen('queue', queue.id)}
                  onChange={() => setChoice({ type: 'queue', queueId: queue.id })}
                />
                <span>{queue.name}</span>
                <span className="transfer__detail">
                  {t('transfer.queueWaiting', { count: queue.waiting })}
                </span>
              </label>
            ))}
            {targets && queues.length === 0 && <p className="wrapup__empty">{t('transfer.noMatch')}</p>}
          </fieldset>
        )}
        <fieldset className="transfer__list">
          <legend>{t('transfer.agents')}</legend>
          {agents.map((agent) => (
            <label key={agent.id} className={`reason${chosen('agent', agent.id) ? ' reason--chosen' : ''}`}>
              <input
                type="radio"
                name={`${titleId}-target`}
                checked={chosen('agent', agent.id)}
                onChange={() => setChoice({ type: 'agent', agentId: agent.id })}
              />
              <span>{agent.name}</span>
              <span className="transfer__detail">
                {t('transfer.agentLoad', {
                  state: t(`presence.${agent.state}`),
                  load: String(agent.load),
                  limit: String(agent.limit),
                })}
              </span>
            </label>
          ))}
          {targets && agents.length === 0 && <p className="wrapup__empty">{t('transfer.noMatch')}</p>}
        </fieldset>
        {mode === 'transfer' && (
          <label className="field">
            <span className="field__label">{t('transfer.comment')}</span>
            <textarea
              className="input input--area"
              rows={2}
              maxLength={COMMENT_MAX}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </label>
        )}
        {error !== null && (
          <p className="callout callout--error" role="alert">
            {describeError(error, t)}
          </p>
        )}
        <div className="modal__actions">
          <button className="button" type="button" onClick={onClose}>
            {t('conversations.cancel')}
          </button>
          <button className="button button--primary" type="submit" disabled={!choice || submitting}>
            {mode === 'transfer' ? t('conversations.transfer') : t('conversations.conference')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
};
