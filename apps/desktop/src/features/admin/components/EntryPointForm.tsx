import type { TAdminQueue, TChannel, TMessageTemplate } from '@switchboard/contracts';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type EntryPointDraft, fieldsOf, OPTIONAL_SETTINGS } from '../entry-point-form';
import { CHANNELS } from '../user-form';

/**
 * An asset's fields: its channel (chosen once), name, queue, the region its customers' national
 * numbers are read in, the provider's settings and secrets (write-only: a set secret shows as set,
 * and is replaced only when a new one is typed), and WhatsApp's approved templates.
 */
export const EntryPointForm = ({
  draft,
  onChange,
  onSubmit,
  onCancel,
  queues,
  secretsSet,
  isNew,
  busy,
}: {
  draft: EntryPointDraft;
  onChange: (draft: EntryPointDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  queues: readonly TAdminQueue[];
  /** The secrets the asset has already (none for a new one). */
  secretsSet: readonly string[];
  isNew: boolean;
  busy: boolean;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const { settings, secrets } = fieldsOf(draft.channel);
  const setField = (field: string, value: string) =>
    onChange({ ...draft, fields: { ...draft.fields, [field]: value } });
  const setTemplate = (index: number, template: Partial<TMessageTemplate>) =>
    onChange({
      ...draft,
      templates: draft.templates.map((row, k) => (k === index ? { ...row, ...template } : row)),
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="admin-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h4 id={`${id}-title`} className="admin-form__title">
        {isNew ? t('admin.assets.newAsset') : t('admin.assets.editAsset', { name: draft.name })}
      </h4>
      <div className="admin-form__grid">
        <label className="field">
          <span className="field__label">{t('history.channel')}</span>
          <select
            className="select"
            disabled={!isNew}
            value={draft.channel}
            onChange={(event) =>
              onChange({ ...draft, channel: event.target.value as TChannel, fields: {}, templates: [] })
            }
          >
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channels.${channel}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('admin.name')}</span>
          <input
            className="input"
            required
            maxLength={100}
            value={draft.name}
            onChange={(event) => onChange({ ...draft, name: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('supervisor.queue')}</span>
          <select
            className="select"
            required
            value={draft.queueId}
            onChange={(event) => onChange({ ...draft, queueId: event.target.value })}
          >
            {queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('admin.assets.region')}</span>
          <input
            className="input input--number"
            maxLength={2}
            pattern="[A-Za-z]{2}"
            value={draft.region}
            onChange={(event) => onChange({ ...draft, region: event.target.value })}
          />
          <span className="field__hint">
            {draft.channel === 'whatsapp' || draft.channel === 'sms'
              ? t('admin.assets.regionFromNumber')
              : t('admin.assets.regionHint')}
          </span>
        </label>
        {settings.map((field) => (
          <label key={field} className="field">
            <span className="field__label">
              {t(`admin.assets.fields.${field}`)}
              {OPTIONAL_SETTINGS.has(field) && ` ${t('admin.assets.optional')}`}
            </span>
            <input
              className="input"
              required={!OPTIONAL_SETTINGS.has(field)}
              maxLength={512}
              value={draft.fields[field] ?? ''}
              onChange={(event) => setField(field, event.target.value)}
            />
          </label>
        ))}
        {secrets.map((field) => {
          const set = secretsSet.includes(field);
          return (
            <label key={field} className="field">
              <span className="field__label">{t(`admin.assets.fields.${field}`)}</span>
              <input
                className="input"
                type="password"
                autoComplete="off"
                required={!set}
                maxLength={512}
                value={draft.fields[field] ?? ''}
                onChange={(event) => setField(field, event.target.value)}
              />
              {set && <span className="field__hint">{t('admin.assets.secretSet')}</span>}
            </label>
          );
        })}
      </div>
      {draft.channel === 'whatsapp' && (
        <fieldset className="admin-form__set admin-form__set--column">
          <legend className="field__label">{t('admin.assets.templates')}</legend>
          {draft.templates.map((template, index) => (
            // Rows are edited in place and have no id of their own: their place is their identity.
            <div key={index} className="admin-form__row admin-form__row--wrap">
              <label className="field">
                <span className="field__label">{t('admin.assets.templateName', { n: index + 1 })}</span>
                <input
                  className="input"
                  required
                  pattern="[a-z0-9_]+"
                  value={template.name}
                  onChange={(event) => setTemplate(index, { name: event.target.value })}
                />
              </label>
              <label className="field">
                <span className="field__label">{t('admin.assets.templateLanguage', { n: index + 1 })}</span>
                <input
                  className="input input--number"
                  required
                  value={template.language}
                  onChange={(event) => setTemplate(index, { language: event.target.value })}
                />
              </label>
              <label className="field admin-form__grow">
                <span className="field__label">{t('admin.assets.templateBody', { n: index + 1 })}</span>
                <input
                  className="input"
                  required
                  maxLength={1024}
                  value={template.body}
                  onChange={(event) => setTemplate(index, { body: event.target.value })}
                />
              </label>
              <button
                className="button button--ghost"
                type="button"
                aria-label={t('admin.assets.removeTemplate', { n: index + 1 })}
                onClick={() =>
                  onChange({ ...draft, templates: draft.templates.filter((_, k) => k !== index) })
                }
              >
                ✕
              </button>
            </div>
          ))}
          <div>
            <button
              className="button"
              type="button"
              onClick={() =>
                onChange({
                  ...draft,
                  templates: [...draft.templates, { name: '', language: 'en', body: '' }],
                })
              }
            >
              {t('admin.assets.addTemplate')}
            </button>
          </div>
        </fieldset>
      )}
      <div className="admin-list__actions">
        <button className="button" type="button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button className="button button--primary" type="submit" disabled={busy || draft.queueId === ''}>
          {isNew ? t('admin.assets.create') : t('admin.save')}
        </button>
      </div>
    </form>
  );
};
