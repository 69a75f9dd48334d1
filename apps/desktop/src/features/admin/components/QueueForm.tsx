import type { TAdminTeam } from '@switchboard/contracts';
import {
  OFFER_TIMEOUT_SECONDS,
  QUEUE_PRIORITY,
  RESPONSE_TARGET_SECONDS,
  SERVICE_LEVEL_SECONDS,
} from '@switchboard/contracts/constants';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ANSWER_STATES, type QueueDraft, STRATEGIES } from '../queue-form';
import { CHANNELS } from '../user-form';
import { SkillRows } from './SkillRows';

type NumberField = 'priority' | 'offerTimeoutSeconds' | 'serviceLevelSeconds' | 'responseTargetSeconds';
const NUMBER_FIELDS: readonly { key: NumberField; bounds: { min: number; max: number } }[] = [
  { key: 'offerTimeoutSeconds', bounds: OFFER_TIMEOUT_SECONDS },
  { key: 'priority', bounds: QUEUE_PRIORITY },
  { key: 'serviceLevelSeconds', bounds: SERVICE_LEVEL_SECONDS },
  { key: 'responseTargetSeconds', bounds: RESPONSE_TARGET_SECONDS },
];

/**
 * A queue's fields: the channels it serves, the team and skills its agents need, the routing
 * strategy and priority, the offer timer and what an unanswered offer does to the agent (RONA or
 * Refused), the service-level threshold the reports judge it by and the response-time target past
 * which an agent's tab turns urgent.
 */
export const QueueForm = ({
  draft,
  onChange,
  onSubmit,
  onCancel,
  teams,
  isNew,
  busy,
}: {
  draft: QueueDraft;
  onChange: (draft: QueueDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  teams: readonly TAdminTeam[];
  isNew: boolean;
  busy: boolean;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof QueueDraft>(key: K, value: QueueDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="admin-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h4 id={`${id}-title`} className="admin-form__title">
        {isNew ? t('admin.queues.newQueue') : t('admin.queues.editQueue', { name: draft.name })}
      </h4>
      <div className="admin-form__grid">
        <label className="field">
          <span className="field__label">{t('admin.name')}</span>
          <input
            className="input"
            required
            maxLength={100}
            value={draft.name}
            onChange={(event) => set('name', event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('admin.queues.team')}</span>
          <select
            className="select"
            value={draft.teamId}
            onChange={(event) => set('teamId', event.target.value)}
          >
            <option value="">{t('admin.queues.anyTeam')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('admin.queues.strategy')}</span>
          <select
            className="select"
            value={draft.strategy}
            onChange={(event) => set('strategy', event.target.value as QueueDraft['strategy'])}
          >
            {STRATEGIES.map((strategy) => (
              <option key={strategy} value={strategy}>
                {t(`admin.queues.strategies.${strategy}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('admin.queues.noAnswerState')}</span>
          <select
            className="select"
            value={draft.noAnswerState}
            onChange={(event) => set('noAnswerState', event.target.value as QueueDraft['noAnswerState'])}
          >
            {NO_ANSWER_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`presence.${state}`)}
              </option>
            ))}
          </select>
        </label>
        {NUMBER_FIELDS.map(({ key, bounds }) => (
          <label key={key} className="field">
            <span className="field__label">{t(`admin.queues.${key}`)}</span>
            <input
              className="input input--number"
              type="number"
              required
              min={bounds.min}
              max={bounds.max}
              value={draft[key]}
              onChange={(event) => set(key, event.target.value)}
            />
            <span className="field__hint">{t('admin.queues.range', bounds)}</span>
          </label>
        ))}
      </div>
      <fieldset className="admin-form__set">
        <legend className="field__label">{t('admin.queues.channels')}</legend>
        {CHANNELS.map((channel) => (
          <label key={channel} className="admin-form__check">
            <input
              type="checkbox"
              checked={draft.channels.includes(channel)}
              onChange={(event) =>
                set(
                  'channels',
                  event.target.checked
                    ? [...draft.channels, channel]
                    : draft.channels.filter((c) => c !== channel),
                )
              }
            />
            {t(`channels.${channel}`)}
          </label>
        ))}
      </fieldset>
      <SkillRows
        legend={t('admin.queues.skills')}
        rows={draft.skills}
        onChange={(skills) => set('skills', skills)}
        levelLabel={(n) => t('admin.queues.minProficiency', { n })}
        newLevel="1"
      />
      <div className="admin-list__actions">
        <button className="button" type="button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button
          className="button button--primary"
          type="submit"
          disabled={busy || draft.channels.length === 0}
        >
          {isNew ? t('admin.queues.create') : t('admin.save')}
        </button>
      </div>
    </form>
  );
};
