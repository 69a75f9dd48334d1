import type { TAdminEntryPoint, TAdminQueue } from '@switchboard/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import {
  createEntryPointRequest,
  draftOfEntryPoint,
  type EntryPointDraft,
  emptyEntryPointDraft,
  updateEntryPointRequest,
} from '../entry-point-form';
import { useAdminCollection } from '../use-admin-collection';
import { ConfirmDialog } from './ConfirmDialog';
import { EntryPointForm } from './EntryPointForm';

type Editing = { entryPoint: TAdminEntryPoint | null; draft: EntryPointDraft };

/**
 * The administrator's assets (the seeds' term for entry points): a live-chat widget, a WhatsApp
 * number, an SMS number or a Messenger page, each routed to a queue. The list says where to point
 * the provider's webhook (or the widget's key) and which secrets are set, never their values.
 * Deleting one interrupts its open conversations (the agents are told and can only end them).
 */
export const EntryPointsSection = () => {
  const { t } = useTranslation();
  const headingId = useId();
  const { api, items, error, setError, busy, change } = useAdminCollection<TAdminEntryPoint>(
    '/api/admin/entry-points',
    'entryPoints',
  );
  const queues = useAdminCollection<TAdminQueue>('/api/admin/queues', 'queues').items ?? [];
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<TAdminEntryPoint | null>(null);
  const entryPoints = items?.filter((entryPoint) => entryPoint.deletedAt === null) ?? null;

  const save = async () => {
    if (!editing) {
      return;
    }
    const { entryPoint, draft } = editing;
    const done = await change(() =>
      entryPoint === null
        ? api.post('/api/admin/entry-points', createEntryPointRequest(draft))
        : api.patch(`/api/admin/entry-points/${entryPoint.id}`, updateEntryPointRequest(draft, entryPoint)),
    );
    if (done) {
      setEditing(null);
    }
  };

  const queueName = (queueId: string) => queues.find((queue) => queue.id === queueId)?.name ?? '–';

  return (
    <section className="admin-list" aria-labelledby={headingId}>
      <div className="admin-list__bar">
        <h3 id={headingId} className="admin-list__title">
          {t('admin.assets.title')}
        </h3>
        <button
          className="button button--primary"
          type="button"
          disabled={editing !== null || queues.length === 0}
          onClick={() =>
            setEditing({ entryPoint: null, draft: emptyEntryPointDraft('livechat', queues[0]?.id ?? '') })
          }
        >
          {t('admin.assets.add')}
        </button>
      </div>
      <FailureCallout error={error} />
      {editing !== null && (
        <EntryPointForm
          draft={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          onSubmit={() => void save()}
          onCancel={() => {
            setEditing(null);
            setError(null);
          }}
          queues={queues}
          secretsSet={editing.entryPoint?.secretsSet ?? []}
          isNew={editing.entryPoint === null}
          busy={busy}
        />
      )}
      {entryPoints === null && error === null && <p role="status">{t('admin.loading')}</p>}
      {entryPoints !== null && (
        <table className="board-table admin-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('history.channel')}</th>
              <th scope="col">{t('supervisor.queue')}</th>
              <th scope="col">{t('admin.assets.address')}</th>
              <th scope="col">{t('admin.assets.region')}</th>
              <th scope="col">{t('admin.assets.secrets')}</th>
              <th scope="col">
                <span className="sr-only">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entryPoints.map((entryPoint) => (
              <tr key={entryPoint.id}>
                <th scope="row">{entryPoint.name}</th>
                <td>{t(`channels.${entryPoint.channel}`)}</td>
                <td>{queueName(entryPoint.queueId)}</td>
                <td className="admin-table__address">
                  {entryPoint.webhookUrl === null
                    ? t('admin.assets.widgetKey', { key: entryPoint.key })
                    : t('admin.assets.webhook', { url: entryPoint.webhookUrl })}
                </td>
                <td>{entryPoint.region ?? '–'}</td>
                <td>
                  {entryPoint.secretsSet.length > 0
                    ? entryPoint.secretsSet.map((field) => t(`admin.assets.fields.${field}`)).join(', ')
                    : '–'}
                </td>
                <td>
                  <div className="admin-list__actions">
                    <button
                      className="button"
                      type="button"
                      aria-label={t('admin.editItem', { name: entryPoint.name })}
                      disabled={busy || editing !== null}
                      onClick={() => setEditing({ entryPoint, draft: draftOfEntryPoint(entryPoint) })}
                    >
                      {t('admin.edit')}
                    </button>
                    <button
                      className="button button--danger-outline"
                      type="button"
                      aria-label={t('admin.deleteItem', { name: entryPoint.name })}
                      disabled={busy}
                      onClick={() => setDeleting(entryPoint)}
                    >
                      {t('admin.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('admin.assets.confirmDelete', { name: deleting?.name ?? '' })}
        text={t('admin.assets.deleteHint')}
        confirm={t('admin.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const entryPoint = deleting;
          setDeleting(null);
          if (entryPoint) {
            void change(() => api.delete(`/api/admin/entry-points/${entryPoint.id}`));
          }
        }}
      />
    </section>
  );
};
