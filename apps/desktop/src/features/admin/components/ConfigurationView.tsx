import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../use-teams';
import { AuditLogSection } from './AuditLogSection';
import { EntryPointsSection } from './EntryPointsSection';
import { ListEditor } from './ListEditor';
import { QueuesSection } from './QueuesSection';
import { SettingsSection } from './SettingsSection';
import { UsersAndTeams } from './UsersAndTeams';

type Section = 'assets' | 'queues' | 'users' | 'lists' | 'settings';

/**
 * The administrator's configuration, in sections:
 * - the lists agents meet in their work: wrap-up and idle reasons, CXone's dispositions and tags,
 *   and the quick responses of the `>>` pane;
 * - users (role, teams, skills, limits per channel) and teams;
 * - queues (channels, team, skills, routing, offer timer, targets);
 * - assets (entry points): live chat, WhatsApp, SMS and Messenger, with their provider settings;
 * - the desktop settings (masking of customer-sensitive data) and the audit log that records
 *   every change and every reveal.
 */
const QueuesWithTeams = () => <QueuesSection teams={useTeams().teams} />;

export const ConfigurationView = () => {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('lists');
  const [revision, setRevision] = useState(0);
  const item = (value: Section, label: string) => (
    <button
      type="button"
      className={`view-switch__item${section === value ? ' view-switch__item--current' : ''}`}
      aria-current={section === value ? 'page' : undefined}
      onClick={() => setSection(value)}
    >
      {label}
    </button>
  );
  return (
    <main className="board admin" aria-labelledby="configuration-title">
      <div className="reports__bar">
        <h2 id="configuration-title" className="board__title">
          {t('admin.title')}
        </h2>
        <nav className="view-switch admin__sections" aria-label={t('admin.sections')}>
          {item('lists', t('admin.lists'))}
          {item('users', t('admin.usersAndTeams'))}
          {item('queues', t('admin.queues.title'))}
          {item('assets', t('admin.assets.title'))}
          {item('settings', t('admin.settingsAndAudit'))}
        </nav>
      </div>
      {section === 'assets' ? (
        <EntryPointsSection />
      ) : section === 'queues' ? (
        <QueuesWithTeams />
      ) : section === 'users' ? (
        <UsersAndTeams />
      ) : section === 'lists' ? (
        <>
          <div className="admin__grid">
            <ListEditor title={t('admin.wrapUpReasons')} path="/api/admin/wrap-up-reasons" field="reasons" />
            <ListEditor title={t('admin.idleReasons')} path="/api/admin/idle-reasons" field="reasons" />
            <ListEditor title={t('admin.dispositions')} path="/api/admin/dispositions" field="reasons" />
            <ListEditor title={t('admin.tags')} path="/api/admin/tags" field="reasons" />
          </div>
          <ListEditor
            title={t('admin.quickResponses')}
            path="/api/admin/quick-responses"
            field="quickResponses"
            withText
          />
        </>
      ) : (
        <>
          <SettingsSection onChanged={() => setRevision((r) => r + 1)} />
          <AuditLogSection revision={revision} />
        </>
      )}
    </main>
  );
};
