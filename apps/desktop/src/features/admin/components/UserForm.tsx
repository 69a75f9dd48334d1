import type { TAdminTeam, TChannel } from '@switchboard/contracts';
import { CHANNEL_LIMIT, PASSWORD_MIN_LENGTH } from '@switchboard/contracts/constants';
import { useTranslation } from 'react-i18next';
import { CHANNELS, ROLES, type UserDraft } from '../user-form';
import { AdminForm, type EntityFormProps } from './AdminForm';
import { CheckboxSet, SelectField, TextField } from './Fields';
import { SkillRows } from './SkillRows';

/**
 * A user's fields: name, e-mail, role, password (required for a new user, optional to change),
 * teams, skills with their proficiency (CXone: 1-10), and the concurrency limit per channel
 * (CXone: up to 12 chats).
 */
export const UserForm = ({
  draft,
  onChange,
  onSubmit,
  onCancel,
  teams,
  isNew,
  busy,
}: EntityFormProps<UserDraft> & { teams: readonly TAdminTeam[] }) => {
  const { t } = useTranslation();
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const setLimit = (channel: TChannel, value: string) => set('limits', { ...draft.limits, [channel]: value });
  return (
    <AdminForm
      title={isNew ? t('admin.users.newUser') : t('admin.users.editUser', { name: draft.name })}
      submitLabel={isNew ? t('admin.users.create') : t('admin.save')}
      onSubmit={onSubmit}
      onCancel={onCancel}
      disabled={busy}
    >
      <div className="admin-form__grid">
        <TextField
          label={t('admin.name')}
          required
          maxLength={100}
          value={draft.name}
          onChange={(v) => set('name', v)}
        />
        <TextField
          label={t('auth.email')}
          type="email"
          required
          maxLength={254}
          value={draft.email}
          onChange={(v) => set('email', v)}
        />
        <SelectField
          label={t('admin.users.role')}
          value={draft.role}
          onChange={(role) => set('role', role)}
          options={ROLES.map((role) => ({ value: role, label: t(`admin.users.roles.${role}`) }))}
        />
        <TextField
          label={isNew ? t('auth.password') : t('admin.users.newPassword')}
          type="password"
          autoComplete="new-password"
          required={isNew}
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={200}
          value={draft.password}
          onChange={(v) => set('password', v)}
          hint={
            isNew
              ? t('admin.users.passwordHint', { min: PASSWORD_MIN_LENGTH })
              : t('admin.users.keepPasswordHint', { min: PASSWORD_MIN_LENGTH })
          }
        />
      </div>
      <CheckboxSet
        legend={t('supervisor.teams')}
        choices={teams.map((team) => ({ value: team.id, label: team.name }))}
        checked={draft.teamIds}
        onChange={(teamIds) => set('teamIds', teamIds)}
        empty={t('admin.users.noTeams')}
      />
      <SkillRows
        legend={t('admin.users.skills')}
        rows={draft.skills}
        onChange={(skills) => set('skills', skills)}
        levelLabel={(n) => t('admin.users.proficiency', { n })}
        newLevel="5"
      />
      <fieldset className="admin-form__set">
        <legend className="field__label">{t('admin.users.limits')}</legend>
        {CHANNELS.map((channel) => (
          <TextField
            key={channel}
            label={t(`channels.${channel}`)}
            type="number"
            required
            min={CHANNEL_LIMIT.min}
            max={CHANNEL_LIMIT.max}
            value={draft.limits[channel]}
            onChange={(v) => setLimit(channel, v)}
          />
        ))}
      </fieldset>
    </AdminForm>
  );
};
