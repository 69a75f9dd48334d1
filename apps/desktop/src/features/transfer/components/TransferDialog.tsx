import { type TTransferTarget, type TTransferTargets, transferTargetId } from '@switchboard/contracts';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../shared/ui/ModalDialog';
import { SubmitActions } from '../../../shared/ui/SubmitActions';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { filterByName, sortAgents } from '../filter-targets';

export type TransferChoice = TTransferTarget;

/** One list of the dialog: a radio group under its legend, or "nothing matches". Teams and skills show only where there are some. */
const TargetList = <T,>({
  legend,
  items,
  loaded,
  name,
  choiceOf,
  label,
  detail,
  chosen,
  onChoose,
}: {
  legend: string;
  items: readonly T[];
  loaded: boolean;
  name: string;
  choiceOf: (item: T) => TransferChoice;
  label: (item: T) => string;
  detail: (item: T) => string;
  chosen: TransferChoice | null;
  onChoose: (choice: TransferChoice) => void;
}) => {
  const { t } = useTranslation();
  return (
    <fieldset className="transfer__list">
      <legend>{legend}</legend>
      {items.map((item) => {
        const choice = choiceOf(item);
        const checked = chosen?.type === choice.type && transferTargetId(chosen) === transferTargetId(choice);
        return (
          <label key={transferTargetId(choice)} className={`reason${checked ? ' reason--chosen' : ''}`}>
            <input type="radio" name={name} checked={checked} onChange={() => onChoose(choice)} />
            <span>{label(item)}</span>
            <span className="transfer__detail">{detail(item)}</span>
          </label>
        );
      })}
      {loaded && items.length === 0 && <p className="wrapup__empty">{t('transfer.noMatch')}</p>}
    </fieldset>
  );
};

const COMMENT_MAX = 1000;

/**
 * The seeds' "Transfer request" and "Conference request" dialogs: a queue, a team, a skill (CXone)
 * or an agent (a conference: a queue or an agent) from lists filtered by a search field, a Reload
 * button that fetches the agents' current states, and for a transfer an optional comment for the
 * next agent.
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
  const transfer = mode === 'transfer';
  const queues = filterByName(targets?.queues ?? [], query, locale);
  const teams = transfer ? filterByName(targets?.teams ?? [], query, locale) : [];
  const skills = transfer ? filterByName(targets?.skills ?? [], query, locale) : [];
  const agents = filterByName(sortAgents(targets?.agents ?? []), query, locale);
  const title = transfer ? t('transfer.transferTitle') : t('transfer.conferenceTitle');
  const search = transfer ? t('transfer.search') : t('transfer.searchConference');
  const list = { loaded: targets !== null, name: `${titleId}-target`, chosen: choice, onChoose: setChoice };

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
            aria-label={search}
            placeholder={search}
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
        <TargetList
          {...list}
          legend={t('transfer.queues')}
          items={queues}
          choiceOf={(queue) => ({ type: 'queue', queueId: queue.id })}
          label={(queue) => queue.name}
          detail={(queue) => t('transfer.queueWaiting', { count: queue.waiting })}
        />
        {transfer && (
          <>
            {(targets?.teams.length ?? 0) > 0 && (
              <TargetList
                {...list}
                legend={t('transfer.teams')}
                items={teams}
                choiceOf={(team) => ({ type: 'team', teamId: team.id })}
                label={(team) => team.name}
                detail={(team) => t('transfer.available', { count: team.available })}
              />
            )}
            {(targets?.skills.length ?? 0) > 0 && (
              <TargetList
                {...list}
                legend={t('transfer.skills')}
                items={skills}
                choiceOf={(skill) => ({ type: 'skill', skill: skill.name })}
                label={(skill) => skill.name}
                detail={(skill) => t('transfer.available', { count: skill.available })}
              />
            )}
          </>
        )}
        <TargetList
          {...list}
          legend={t('transfer.agents')}
          items={agents}
          choiceOf={(agent) => ({ type: 'agent', agentId: agent.id })}
          label={(agent) => agent.name}
          detail={(agent) =>
            t('transfer.agentLoad', {
              state: t(`presence.${agent.state}`),
              load: String(agent.load),
              limit: String(agent.limit),
            })
          }
        />
        {transfer && (
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
        <FailureCallout error={error} />
        <SubmitActions
          cancelLabel={t('conversations.cancel')}
          submitLabel={transfer ? t('conversations.transfer') : t('conversations.conference')}
          disabled={!choice || submitting}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
};
