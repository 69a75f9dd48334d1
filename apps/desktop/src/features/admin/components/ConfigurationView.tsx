import { useTranslation } from 'react-i18next';
import { ListEditor } from './ListEditor';

/**
 * The administrator's lists that agents meet in their work: wrap-up and idle reasons, CXone's
 * dispositions and tags, and the quick responses of the `>>` pane. Queues, users, teams and entry
 * points are configured through `/api/admin/*` (docs/api.md).
 */
export const ConfigurationView = () => {
  const { t } = useTranslation();
  return (
    <main className="board admin" aria-labelledby="configuration-title">
      <h2 id="configuration-title" className="board__title">
        {t('admin.title')}
      </h2>
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
    </main>
  );
};
