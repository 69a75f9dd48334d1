import type { TAdminTeam } from '@switchboard/contracts';
import { CHANNEL_LIMIT, PASSWORD_MIN_LENGTH } from '@switchboard/contracts/constants';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, ROLES, type UserDraft } from '../user-form';
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
}: {
  draft: UserDraft;
  onChange: (draft: UserDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
  teams: readonly TAdminTeam[];
  isNew: boolean;
  busy: boolean;
}) => {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="admin-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h4 id={`${id}-title`} className="admin-form__title">
        {isNew ? t('admin.users.newUser') : t('admin.users.editUser', { name: draft.name })}
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
          <span className="field__label">{t('auth.email')}</span>
          <input
            className="input"
            type="email"
            required
            maxLength={254}
            value={draft.email}
            onChange={(event) => set('email', event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('admin.users.role')}</span>
          <select
            className="select"
            value={draft.role}
            onChange={(event) => set('role', event.target.value as UserDraft['role'])}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`admin.users.roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{isNew ? t('auth.password') : t('admin.users.newPassword')}</span>
          <input
            className="input"
            type="password"
            autoComplete="new-password"
            required={isNew}
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={200}
            value={draft.password}
            onChange={(event) => set('password', event.target.value)}
          />
          <span className="field__hint">
            {isNew
              ? t('admin.users.passwordHint', { min: PASSWORD_MIN_LENGTH })
              : t('admin.users.keepPasswordHint', { min: PASSWORD_MIN_LENGTH })}
          </span>
        </label>
      </div>
      <fieldset className="admin-form__set">
        <legend className="field__label">{t('supervisor.teams')}</legend>
        {teams.length === 0 && <span className="field__hint">{t('admin.users.noTeams')}</span>}
        {teams.map((team) => (
          <label key={team.id} className="admin-form__check">
            <input
              type="checkbox"
              checked={draft.teamIds.includes(team.id)}
              onChange={(event) =>
                set(
                  'teamIds',
                  event.target.checked
                    ? [...draft.teamIds, team.id]
                    : draft.teamIds.filter((teamId) => teamId !== team.id),
                )
              }
            />
            {team.name}
          </label>
        ))}
      </fieldset>
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
          <label key={channel} className="field">
            <span className="field__label">{t(`channels.${channel}`)}</span>
            <input
              className="input input--number"
              type="number"
              required
              min={CHANNEL_LIMIT.min}
              max={CHANNEL_LIMIT.max}
              value={draft.limits[channel]}
              onChange={(event) => set('limits', { ...draft.limits, [channel]: event.target.value })}
            />
          </label>
        ))}
      </fieldset>
      <div className="admin-list__actions">
        <button className="button" type="button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button className="button button--primary" type="submit" disabled={busy}>
          {isNew ? t('admin.users.create') : t('admin.save')}
        </button>
      </div>
    </form>
  );
};
