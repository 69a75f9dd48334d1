import type { TAdminQueue, TChannel, TMessageTemplate } from '@switchboard/contracts';
import { useTranslation } from 'react-i18next';
import { type EntryPointDraft, fieldsOf, OPTIONAL_SETTINGS } from '../entry-point-form';
import { CHANNELS } from '../user-form';
import { AdminForm, type EntityFormProps } from './AdminForm';
import { SelectField, TextField } from './Fields';

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
}: EntityFormProps<EntryPointDraft> & {
  queues: readonly TAdminQueue[];
  /** The secrets the asset has already (none for a new one). */
  secretsSet: readonly string[];
}) => {
  const { t } = useTranslation();
  const { settings, secrets } = fieldsOf(draft.channel);
  const setField = (field: string, value: string) =>
    onChange({ ...draft, fields: { ...draft.fields, [field]: value } });
  const setTemplate = (index: number, template: Partial<TMessageTemplate>) =>
    onChange({
      ...draft,
      templates: draft.templates.map((row, k) => (k === index ? { ...row, ...template } : row)),
    });
  return (
    <AdminForm
      title={isNew ? t('admin.assets.newAsset') : t('admin.assets.editAsset', { name: draft.name })}
      submitLabel={isNew ? t('admin.assets.create') : t('admin.save')}
      onSubmit={onSubmit}
      onCancel={onCancel}
      disabled={busy || draft.queueId === ''}
    >
      <div className="admin-form__grid">
        <SelectField
          label={t('history.channel')}
          disabled={!isNew}
          value={draft.channel}
          onChange={(channel: TChannel) => onChange({ ...draft, channel, fields: {}, templates: [] })}
          options={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
        />
        <TextField
          label={t('admin.name')}
          required
          maxLength={100}
          value={draft.name}
          onChange={(name) => onChange({ ...draft, name })}
        />
        <SelectField
          label={t('supervisor.queue')}
          value={draft.queueId}
          onChange={(queueId) => onChange({ ...draft, queueId })}
          options={queues.map((queue) => ({ value: queue.id, label: queue.name }))}
        />
        <TextField
          label={t('admin.assets.region')}
          maxLength={2}
          pattern="[A-Za-z]{2}"
          value={draft.region}
          onChange={(region) => onChange({ ...draft, region })}
          hint={
            draft.channel === 'whatsapp' || draft.channel === 'sms'
              ? t('admin.assets.regionFromNumber')
              : t('admin.assets.regionHint')
          }
        />
        {settings.map((field) => (
          <TextField
            key={field}
            label={`${t(`admin.assets.fields.${field}`)}${OPTIONAL_SETTINGS.has(field) ? ` ${t('admin.assets.optional')}` : ''}`}
            required={!OPTIONAL_SETTINGS.has(field)}
            maxLength={512}
            value={draft.fields[field] ?? ''}
            onChange={(value) => setField(field, value)}
          />
        ))}
        {secrets.map((field) => (
          <TextField
            key={field}
            label={t(`admin.assets.fields.${field}`)}
            type="password"
            autoComplete="off"
            required={!secretsSet.includes(field)}
            maxLength={512}
            value={draft.fields[field] ?? ''}
            onChange={(value) => setField(field, value)}
            {...(secretsSet.includes(field) ? { hint: t('admin.assets.secretSet') } : {})}
          />
        ))}
      </div>
      {draft.channel === 'whatsapp' && (
        <fieldset className="admin-form__set admin-form__set--column">
          <legend className="field__label">{t('admin.assets.templates')}</legend>
          {draft.templates.map((template, index) => (
            // Rows are edited in place and have no id of their own: their place is their identity.
            <div key={index} className="admin-form__row admin-form__row--wrap">
              <TextField
                label={t('admin.assets.templateName', { n: index + 1 })}
                required
                pattern="[a-z0-9_]+"
                value={template.name}
                onChange={(name) => setTemplate(index, { name })}
              />
              <TextField
                label={t('admin.assets.templateLanguage', { n: index + 1 })}
                required
                value={template.language}
                onChange={(language) => setTemplate(index, { language })}
              />
              <TextField
                label={t('admin.assets.templateBody', { n: index + 1 })}
                grow
                required
                maxLength={1024}
                value={template.body}
                onChange={(body) => setTemplate(index, { body })}
              />
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
    </AdminForm>
  );
};
