import type { TAdminTeam } from '@switchboard/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session-context';

/** The teams, for the forms that pick them (users, queues); `reload` after a team changes. */
export const useTeams = () => {
  const { api } = useSession();
  const [teams, setTeams] = useState<TAdminTeam[]>([]);
  const reload = useCallback(() => {
    api.get<{ teams: TAdminTeam[] }>('/api/admin/teams').then(
      (answer) => setTeams(answer.teams),
      () => setTeams([]),
    );
  }, [api]);
  useEffect(reload, [reload]);
  return { teams, reload };
};
