import type { TAdminTeam, TAdminUser } from '@switchboard/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { useAdminCollection } from '../use-admin-collection';
import {
  CHANNELS,
  createUserRequest,
  draftOfUser,
  emptyUserDraft,
  type UserDraft,
  updateUserRequest,
} from '../user-form';
import { ConfirmDialog } from './ConfirmDialog';
import { UserForm } from './UserForm';

type Editing = { user: TAdminUser | null; draft: UserDraft };

/**
 * The administrator's users (product.md: agents, their teams, skills and concurrency limits):
 * everyone who logs in, with their role, teams, skills and limit per channel; add one, change one
 * (only what changed is sent), deactivate one (logged out at once, no more log-ins, history kept).
 * Each change is one request to `/api/admin/users`, audited by the server; the list is read again
 * after it, so what shows is what routing uses.
 */
export const UsersSection = ({ teams }: { teams: readonly TAdminTeam[] }) => {
  const { t } = useTranslation();
  const { user: me } = useDesk();
  const headingId = useId();
  const {
    api,
    items: users,
    error,
    setError,
    busy,
    change,
  } = useAdminCollection<TAdminUser>('/api/admin/users', 'users');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deactivating, setDeactivating] = useState<TAdminUser | null>(null);

  const save = async () => {
    if (!editing) {
      return;
    }
    const { user, draft } = editing;
    const done = await change(() =>
      user === null
        ? api.post('/api/admin/users', createUserRequest(draft))
        : api.patch(`/api/admin/users/${user.id}`, updateUserRequest(draft, user)),
    );
    if (done) {
      setEditing(null);
    }
  };

  const teamNames = (user: TAdminUser) =>
    user.teamIds
      .map((teamId) => teams.find((team) => team.id === teamId)?.name)
      .filter((name): name is string => name !== undefined)
      .join(', ') || '–';

  return (
    <section className="admin-list" aria-labelledby={headingId}>
      <div className="admin-list__bar">
        <h3 id={headingId} className="admin-list__title">
          {t('admin.users.title')}
        </h3>
        <button
          className="button button--primary"
          type="button"
          disabled={editing !== null}
          onClick={() => setEditing({ user: null, draft: emptyUserDraft() })}
        >
          {t('admin.users.add')}
        </button>
      </div>
      <FailureCallout error={error} />
      {editing !== null && (
        <UserForm
          draft={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          onSubmit={() => void save()}
          onCancel={() => {
            setEditing(null);
            setError(null);
          }}
          teams={teams}
          isNew={editing.user === null}
          busy={busy}
        />
      )}
      {users === null && error === null && <p role="status">{t('admin.loading')}</p>}
      {users !== null && (
        <table className="board-table admin-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('supervisor.teams')}</th>
              <th scope="col">{t('admin.users.skills')}</th>
              <th scope="col">{t('admin.users.limits')}</th>
              <th scope="col">
                <span className="sr-only">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.deactivatedAt ? 'admin-table__row--inactive' : undefined}>
                <th scope="row">{user.name}</th>
                <td>{user.email}</td>
                <td>
                  {t(`admin.users.roles.${user.role}`)}
                  {user.deactivatedAt && ` · ${t('admin.users.deactivated')}`}
                </td>
                <td>{teamNames(user)}</td>
                <td>
                  {user.skills.length > 0
                    ? user.skills.map((s) => `${s.skill} ${s.proficiency}`).join(', ')
                    : '–'}
                </td>
                <td>
                  {CHANNELS.map((channel) =>
                    t('admin.users.limitOf', {
                      channel: t(`channels.${channel}`),
                      limit: user.limits[channel],
                    }),
                  ).join(' · ')}
                </td>
                <td>
                  {!user.deactivatedAt && (
                    <div className="admin-list__actions">
                      <button
                        className="button"
                        type="button"
                        aria-label={t('admin.editItem', { name: user.name })}
                        disabled={busy || editing !== null}
                        onClick={() => setEditing({ user, draft: draftOfUser(user) })}
                      >
                        {t('admin.edit')}
                      </button>
                      {/* The server refuses it (SELF_LOCKOUT): nobody locks themselves out. */}
                      {user.id !== me.id && (
                        <button
                          className="button button--danger-outline"
                          type="button"
                          aria-label={t('admin.users.deactivateUser', { name: user.name })}
                          disabled={busy}
                          onClick={() => setDeactivating(user)}
                        >
                          {t('admin.users.deactivate')}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={deactivating !== null}
        title={t('admin.users.confirmDeactivate', { name: deactivating?.name ?? '' })}
        text={t('admin.users.deactivateHint')}
        confirm={t('admin.users.deactivate')}
        onCancel={() => setDeactivating(null)}
        onConfirm={() => {
          const user = deactivating;
          setDeactivating(null);
          if (user) {
            void change(() => api.delete(`/api/admin/users/${user.id}`));
          }
        }}
      />
    </section>
  );
};
