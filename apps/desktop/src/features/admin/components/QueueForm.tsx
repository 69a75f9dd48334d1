import type { TAdminTeam, TChannel } from '@switchboard/contracts';
import {
  OFFER_TIMEOUT_SECONDS,
  QUEUE_PRIORITY,
  RESPONSE_TARGET_SECONDS,
  SERVICE_LEVEL_SECONDS,
} from '@switchboard/contracts/constants';
import { useTranslation } from 'react-i18next';
import { NO_ANSWER_STATES, type QueueDraft, STRATEGIES } from '../queue-form';
import { CHANNELS } from '../user-form';
import { AdminForm, type EntityFormProps } from './AdminForm';
import { CheckboxSet, SelectField, TextField } from './Fields';
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
}: EntityFormProps<QueueDraft> & { teams: readonly TAdminTeam[] }) => {
  const { t } = useTranslation();
  const set = <K extends keyof QueueDraft>(key: K, value: QueueDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <AdminForm
      title={isNew ? t('admin.queues.newQueue') : t('admin.queues.editQueue', { name: draft.name })}
      submitLabel={isNew ? t('admin.queues.create') : t('admin.save')}
      onSubmit={onSubmit}
      onCancel={onCancel}
      disabled={busy || draft.channels.length === 0}
    >
      <div className="admin-form__grid">
        <TextField
          label={t('admin.name')}
          required
          maxLength={100}
          value={draft.name}
          onChange={(v) => set('name', v)}
        />
        <SelectField
          label={t('admin.queues.team')}
          value={draft.teamId}
          onChange={(teamId) => set('teamId', teamId)}
          options={[
            { value: '', label: t('admin.queues.anyTeam') },
            ...teams.map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
        <SelectField
          label={t('admin.queues.strategy')}
          value={draft.strategy}
          onChange={(strategy) => set('strategy', strategy)}
          options={STRATEGIES.map((value) => ({ value, label: t(`admin.queues.strategies.${value}`) }))}
        />
        <SelectField
          label={t('admin.queues.noAnswerState')}
          value={draft.noAnswerState}
          onChange={(state) => set('noAnswerState', state)}
          options={NO_ANSWER_STATES.map((value) => ({ value, label: t(`presence.${value}`) }))}
        />
        {NUMBER_FIELDS.map(({ key, bounds }) => (
          <TextField
            key={key}
            label={t(`admin.queues.${key}`)}
            type="number"
            required
            min={bounds.min}
            max={bounds.max}
            value={draft[key]}
            onChange={(v) => set(key, v)}
            hint={t('admin.queues.range', bounds)}
          />
        ))}
      </div>
      <CheckboxSet
        legend={t('admin.queues.channels')}
        choices={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
        checked={draft.channels}
        onChange={(channels) => set('channels', channels as TChannel[])}
      />
      <SkillRows
        legend={t('admin.queues.skills')}
        rows={draft.skills}
        onChange={(skills) => set('skills', skills)}
        levelLabel={(n) => t('admin.queues.minProficiency', { n })}
        newLevel="1"
      />
    </AdminForm>
  );
};
