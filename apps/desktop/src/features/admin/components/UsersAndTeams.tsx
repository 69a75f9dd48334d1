import type { TAdminTeam } from '@switchboard/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { ListEditor } from './ListEditor';
import { UsersSection } from './UsersSection';

/** Users and the teams they belong to: a team added or renamed below is offered to users at once. */
export const UsersAndTeams = () => {
  const { t } = useTranslation();
  const { api } = useSession();
  const [teams, setTeams] = useState<TAdminTeam[]>([]);
  const loadTeams = useCallback(() => {
    api.get<{ teams: TAdminTeam[] }>('/api/admin/teams').then(
      (answer) => setTeams(answer.teams),
      () => setTeams([]),
    );
  }, [api]);
  useEffect(loadTeams, [loadTeams]);
  return (
    <>
      <UsersSection teams={teams} />
      <ListEditor
        title={t('admin.teams')}
        path="/api/admin/teams"
        field="teams"
        ordered={false}
        onChanged={loadTeams}
      />
    </>
  );
};
