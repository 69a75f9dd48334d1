import type { TQuickResponse } from '@switchboard/contracts';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fieldsOf,
  filledText,
  filterQuickResponses,
  isComplete,
  type KnownValues,
  variableLabel,
} from '../quick-response-form';

/**
 * The quick-response pane (CXone, seed 003: ">>" opens it; pick a pre-written answer, fill its
 * variables, check the ones filled for you, Insert). The text goes into the composer, not to the
 * customer: the agent reads it there and sends it with Send.
 */
export const QuickResponsePane = ({
  id,
  responses,
  known,
  onInsert,
  onClose,
}: {
  id: string;
  responses: readonly TQuickResponse[];
  known: KnownValues;
  onInsert: (text: string) => void;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const chosen = responses.find((r) => r.id === chosenId);
  const visible = filterQuickResponses(responses, query, i18n.language);
  const fields = chosen ? fieldsOf(chosen, known, typed) : [];
  const ready = chosen !== undefined && isComplete(fields);

  const choose = (response: TQuickResponse) => {
    setChosenId(response.id);
    setTyped({});
  };

  const insert = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen && ready) {
      onInsert(filledText(chosen, fields));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <section id={id} className="quick-responses" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <header className="quick-responses__header">
        <h3 id={titleId} className="quick-responses__title">
          {t('quickResponses.title')}
        </h3>
        <button className="button button--ghost" type="button" onClick={onClose}>
          {t('quickResponses.close')}
        </button>
      </header>
      {chosen === undefined ? (
        <>
          <input
            className="input"
            type="search"
            // biome-ignore lint/a11y/noAutofocus: the agent opened the pane to search it.
            autoFocus
            aria-label={t('quickResponses.search')}
            placeholder={t('quickResponses.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <ul className="quick-responses__list">
            {visible.map((response) => (
              <li key={response.id}>
                <button className="quick-response" type="button" onClick={() => choose(response)}>
                  <span className="quick-response__name">{response.name}</span>
                  <span className="quick-response__text">{response.text}</span>
                </button>
              </li>
            ))}
          </ul>
          {responses.length === 0 && <p className="quick-responses__empty">{t('quickResponses.none')}</p>}
          {responses.length > 0 && visible.length === 0 && (
            <p className="quick-responses__empty">{t('quickResponses.noMatch')}</p>
          )}
        </>
      ) : (
        <form className="quick-responses__form" onSubmit={insert}>
          <p className="quick-response__name">{chosen.name}</p>
          {fields.some((field) => field.known) && (
            <p className="field__hint">{t('quickResponses.checkKnown')}</p>
          )}
          {fields.length > 0 && (
            <fieldset className="quick-responses__fields">
              <legend className="sr-only">{t('quickResponses.variables')}</legend>
              {fields.map((field, index) => (
                <label key={field.name} className="field">
                  <span className="field__label">
                    {field.known ? t(`quickResponses.known.${field.name}`) : variableLabel(field.name)}
                  </span>
                  <input
                    className="input"
                    // biome-ignore lint/a11y/noAutofocus: the first variable is what the agent fills next.
                    autoFocus={index === 0}
                    value={field.value}
                    onChange={(event) => setTyped({ ...typed, [field.name]: event.target.value })}
                  />
                </label>
              ))}
            </fieldset>
          )}
          <div className="field">
            <span className="field__label" id={`${titleId}-preview`}>
              {t('quickResponses.preview')}
            </span>
            <output className="quick-responses__preview" aria-labelledby={`${titleId}-preview`}>
              {filledText(chosen, fields)}
            </output>
          </div>
          <div className="quick-responses__actions">
            <button className="button" type="button" onClick={() => setChosenId(null)}>
              {t('quickResponses.back')}
            </button>
            <button
              className="button button--primary"
              type="submit"
              // biome-ignore lint/a11y/noAutofocus: with nothing to fill, Insert is the next step.
              autoFocus={fields.length === 0}
              disabled={!ready}
            >
              {t('quickResponses.insert')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};
