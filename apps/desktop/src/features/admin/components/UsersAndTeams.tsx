import { useTranslation } from 'react-i18next';
import { useTeams } from '../use-teams';
import { ListEditor } from './ListEditor';
import { UsersSection } from './UsersSection';

/** Users and the teams they belong to: a team added or renamed below is offered to users at once. */
export const UsersAndTeams = () => {
  const { t } = useTranslation();
  const { teams, reload } = useTeams();
  return (
    <>
      <UsersSection teams={teams} />
      <ListEditor
        title={t('admin.teams')}
        path="/api/admin/teams"
        field="teams"
        ordered={false}
        onChanged={reload}
      />
    </>
  );
};
