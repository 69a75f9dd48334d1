import { useTranslation } from 'react-i18next';

export type DeskView = 'board' | 'reports' | 'history' | 'configuration' | 'conversations';

/**
 * Supervisors and administrators switch between the board, the reports, the history and the conversations;
 * administrators also reach the configuration.
 */
export const ViewSwitch = ({
  view,
  onChange,
  configure = false,
}: {
  view: DeskView;
  onChange: (view: DeskView) => void;
  configure?: boolean;
}) => {
  const { t } = useTranslation();
  const item = (value: DeskView, label: string) => (
    <button
      type="button"
      className={`view-switch__item${view === value ? ' view-switch__item--current' : ''}`}
      aria-current={view === value ? 'page' : undefined}
      onClick={() => onChange(value)}
    >
      {label}
    </button>
  );
  return (
    <nav className="view-switch" aria-label={t('supervisor.views')}>
      {item('board', t('supervisor.board'))}
      {item('reports', t('reports.title'))}
      {item('history', t('history.title'))}
      {configure && item('configuration', t('admin.title'))}
      {item('conversations', t('supervisor.conversationsView'))}
    </nav>
  );
};
