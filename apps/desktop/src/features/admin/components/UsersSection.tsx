import type { TAdminTeam, TAdminUser } from '@switchboard/contracts';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../app/desk/desk-context';
import { CHANNELS, createUserRequest, draftOfUser, emptyUserDraft, updateUserRequest } from '../user-form';
import { CrudSection } from './CrudSection';
import { UserForm } from './UserForm';

/**
 * The administrator's users (product.md: agents, their teams, skills and concurrency limits):
 * everyone who logs in, with their role, teams, skills and limit per channel; add one, change one
 * (only what changed is sent), deactivate one (logged out at once, no more log-ins, history kept;
 * never oneself: the server refuses it, SELF_LOCKOUT). Audited by the server; routing reads the
 * change at its next decision.
 */
export const UsersSection = ({ teams }: { teams: readonly TAdminTeam[] }) => {
  const { t } = useTranslation();
  const { user: me } = useDesk();
  const teamNames = (user: TAdminUser) =>
    user.teamIds
      .map((teamId) => teams.find((team) => team.id === teamId)?.name)
      .filter((name): name is string => name !== undefined)
      .join(', ') || '–';
  return (
    <CrudSection<TAdminUser, ReturnType<typeof emptyUserDraft>>
      title={t('admin.users.title')}
      addLabel={t('admin.users.add')}
      path="/api/admin/users"
      field="users"
      columns={[
        { header: t('auth.email'), cell: (user) => user.email },
        {
          header: t('admin.users.role'),
          cell: (user) =>
            `${t(`admin.users.roles.${user.role}`)}${user.deactivatedAt ? ` · ${t('admin.users.deactivated')}` : ''}`,
        },
        { header: t('supervisor.teams'), cell: teamNames },
        {
          header: t('admin.users.skills'),
          cell: (user) =>
            user.skills.length > 0 ? user.skills.map((s) => `${s.skill} ${s.proficiency}`).join(', ') : '–',
        },
        {
          header: t('admin.users.limits'),
          cell: (user) =>
            CHANNELS.map((channel) =>
              t('admin.users.limitOf', { channel: t(`channels.${channel}`), limit: user.limits[channel] }),
            ).join(' · '),
        },
      ]}
      emptyDraft={emptyUserDraft}
      draftOf={draftOfUser}
      createRequest={createUserRequest}
      updateRequest={updateUserRequest}
      renderForm={({ item, ...form }) => <UserForm {...form} teams={teams} />}
      canEdit={(user) => user.deactivatedAt === null}
      remove={{
        label: t('admin.users.deactivate'),
        labelFor: (user) => t('admin.users.deactivateUser', { name: user.name }),
        confirmTitle: (user) => t('admin.users.confirmDeactivate', { name: user.name }),
        hint: t('admin.users.deactivateHint'),
        allowed: (user) => user.id !== me.id,
      }}
    />
  );
};
