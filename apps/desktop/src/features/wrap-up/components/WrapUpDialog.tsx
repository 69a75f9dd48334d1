import type { TReason, TWrapUpRequest } from '@switchboard/contracts';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../shared/ui/ModalDialog';
import { SubmitActions } from '../../../shared/ui/SubmitActions';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { ChoosableStates } from '../../presence/components/ChoosableStates';
import { toSetStateRequest } from '../../presence/presence-state';
import { filterReasons } from '../filter-reasons';

const NOTES_MAX = 2000;

/**
 * The seeds' wrap-up dialog ("Nachbearbeitungsgründe", "Motivos de cierre"): pick a reason from a
 * list filtered by a search field; where the administrator made them, CXone's disposition and tags
 * ("étiquettes et dispositions"); notes; the state to take next (Webex WhatsApp guide:
 * "Verfügbarkeitsstatus"), the current one kept unless chosen; Submit wrap-up. Closing it keeps the
 * conversation in wrap-up; the pane offers to reopen it.
 */
export const WrapUpDialog = ({
  open,
  reasons,
  dispositions = [],
  tags = [],
  idleReasons = [],
  onSubmit,
  onClose,
}: {
  open: boolean;
  reasons: readonly TReason[];
  dispositions?: readonly TReason[];
  tags?: readonly TReason[];
  idleReasons?: readonly TReason[];
  onSubmit: (request: TWrapUpRequest) => Promise<void>;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [dispositionId, setDispositionId] = useState('');
  const [tagIds, setTagIds] = useState<string[]>([]);
  const [nextState, setNextState] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const visible = filterReasons({ reasons, query, keepId: reasonId, locale: i18n.language });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reasonId || submitting) {
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const trimmed = notes.trim();
      const next = toSetStateRequest(nextState);
      await onSubmit({
        wrapUpReasonId: reasonId,
        ...(dispositionId === '' ? {} : { dispositionId }),
        ...(tagIds.length === 0 ? {} : { tagIds }),
        ...(trimmed === '' ? {} : { notes: trimmed }),
        ...(next === null ? {} : { nextState: next }),
      });
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  // Enter in the search field picks the only match instead of submitting the form.
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const only = visible.length === 1 ? visible[0] : undefined;
      if (only) {
        setReasonId(only.id);
      }
    }
  };

  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={titleId} className="modal--wrapup">
      <form className="wrapup" onSubmit={(event) => void submit(event)}>
        <h2 id={titleId} className="modal__title">
          {t('wrapUp.title')}
        </h2>
        <input
          className="input"
          type="search"
          aria-label={t('wrapUp.search')}
          placeholder={t('wrapUp.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
        <fieldset className="wrapup__reasons">
          <legend className="sr-only">{t('wrapUp.reasons')}</legend>
          {visible.map((reason) => (
            <label key={reason.id} className={`reason${reason.id === reasonId ? ' reason--chosen' : ''}`}>
              <input
                type="radio"
                name={`${titleId}-reason`}
                value={reason.id}
                checked={reason.id === reasonId}
                onChange={() => setReasonId(reason.id)}
              />
              <span>{reason.name}</span>
            </label>
          ))}
          {visible.length === 0 && <p className="wrapup__empty">{t('wrapUp.noMatch')}</p>}
        </fieldset>
        {dispositions.length > 0 && (
          <label className="field">
            <span className="field__label">{t('wrapUp.disposition')}</span>
            <select
              className="select"
              value={dispositionId}
              onChange={(event) => setDispositionId(event.target.value)}
            >
              <option value="">{t('wrapUp.noDisposition')}</option>
              {dispositions.map((disposition) => (
                <option key={disposition.id} value={disposition.id}>
                  {disposition.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {tags.length > 0 && (
          <fieldset className="wrapup__tags">
            <legend className="field__label">{t('wrapUp.tags')}</legend>
            {tags.map((tag) => (
              <label key={tag.id} className="wrapup__tag">
                <input
                  type="checkbox"
                  checked={tagIds.includes(tag.id)}
                  onChange={(event) =>
                    setTagIds(
                      event.target.checked ? [...tagIds, tag.id] : tagIds.filter((id) => id !== tag.id),
                    )
                  }
                />
                <span>{tag.name}</span>
              </label>
            ))}
          </fieldset>
        )}
        <label className="field">
          <span className="field__label">{t('wrapUp.notes')}</span>
          <textarea
            className="input input--area"
            rows={3}
            maxLength={NOTES_MAX}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('wrapUp.nextState')}</span>
          <select className="select" value={nextState} onChange={(event) => setNextState(event.target.value)}>
            <option value="">{t('wrapUp.keepState')}</option>
            <ChoosableStates idleReasons={idleReasons} />
          </select>
        </label>
        <FailureCallout error={error} />
        <SubmitActions
          cancelLabel={t('wrapUp.close')}
          submitLabel={t('wrapUp.submit')}
          disabled={!reasonId || submitting}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
};
