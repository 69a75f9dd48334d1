import type { TAdminQueue, TAdminTeam } from '@switchboard/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import {
  createQueueRequest,
  draftOfQueue,
  emptyQueueDraft,
  type QueueDraft,
  updateQueueRequest,
} from '../queue-form';
import { useAdminCollection } from '../use-admin-collection';
import { ConfirmDialog } from './ConfirmDialog';
import { QueueForm } from './QueueForm';

type Editing = { queue: TAdminQueue | null; draft: QueueDraft };

/**
 * The administrator's queues (product.md: queues, offer timeouts): what each serves and needs, how
 * it routes, and the targets it is judged by; add, change (only what changed is sent) or delete one
 * (refused while an asset or a conversation uses it: QUEUE_IN_USE). Routing reads the change at
 * its next decision.
 */
export const QueuesSection = ({ teams }: { teams: readonly TAdminTeam[] }) => {
  const { t } = useTranslation();
  const headingId = useId();
  const {
    api,
    items: queues,
    error,
    setError,
    busy,
    change,
  } = useAdminCollection<TAdminQueue>('/api/admin/queues', 'queues');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<TAdminQueue | null>(null);

  const save = async () => {
    if (!editing) {
      return;
    }
    const { queue, draft } = editing;
    const done = await change(() =>
      queue === null
        ? api.post('/api/admin/queues', createQueueRequest(draft))
        : api.patch(`/api/admin/queues/${queue.id}`, updateQueueRequest(draft, queue)),
    );
    if (done) {
      setEditing(null);
    }
  };

  const teamName = (teamId: string | null) =>
    teamId === null ? '–' : (teams.find((team) => team.id === teamId)?.name ?? '–');

  return (
    <section className="admin-list" aria-labelledby={headingId}>
      <div className="admin-list__bar">
        <h3 id={headingId} className="admin-list__title">
          {t('admin.queues.title')}
        </h3>
        <button
          className="button button--primary"
          type="button"
          disabled={editing !== null}
          onClick={() => setEditing({ queue: null, draft: emptyQueueDraft() })}
        >
          {t('admin.queues.add')}
        </button>
      </div>
      <FailureCallout error={error} />
      {editing !== null && (
        <QueueForm
          draft={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          onSubmit={() => void save()}
          onCancel={() => {
            setEditing(null);
            setError(null);
          }}
          teams={teams}
          isNew={editing.queue === null}
          busy={busy}
        />
      )}
      {queues === null && error === null && <p role="status">{t('admin.loading')}</p>}
      {queues !== null && (
        <table className="board-table admin-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.queues.channels')}</th>
              <th scope="col">{t('admin.queues.team')}</th>
              <th scope="col">{t('admin.queues.skills')}</th>
              <th scope="col">{t('admin.queues.routing')}</th>
              <th scope="col">{t('admin.queues.targets')}</th>
              <th scope="col">
                <span className="sr-only">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <tr key={queue.id}>
                <th scope="row">{queue.name}</th>
                <td>{queue.channels.map((channel) => t(`channels.${channel}`)).join(', ')}</td>
                <td>{teamName(queue.teamId)}</td>
                <td>
                  {queue.skills.length > 0
                    ? queue.skills.map((s) => `${s.skill} ≥ ${s.minProficiency}`).join(', ')
                    : '–'}
                </td>
                <td>
                  {t('admin.queues.routingSummary', {
                    strategy: t(`admin.queues.strategies.${queue.strategy}`),
                    priority: queue.priority,
                    timeout: queue.offerTimeoutSeconds,
                    state: t(`presence.${queue.noAnswerState}`),
                  })}
                </td>
                <td>
                  {t('admin.queues.targetsSummary', {
                    serviceLevel: queue.serviceLevelSeconds,
                    response: queue.responseTargetSeconds,
                  })}
                </td>
                <td>
                  <div className="admin-list__actions">
                    <button
                      className="button"
                      type="button"
                      aria-label={t('admin.editItem', { name: queue.name })}
                      disabled={busy || editing !== null}
                      onClick={() => setEditing({ queue, draft: draftOfQueue(queue) })}
                    >
                      {t('admin.edit')}
                    </button>
                    <button
                      className="button button--danger-outline"
                      type="button"
                      aria-label={t('admin.deleteItem', { name: queue.name })}
                      disabled={busy}
                      onClick={() => setDeleting(queue)}
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
        title={t('admin.queues.confirmDelete', { name: deleting?.name ?? '' })}
        text={t('admin.queues.deleteHint')}
        confirm={t('admin.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const queue = deleting;
          setDeleting(null);
          if (queue) {
            void change(() => api.delete(`/api/admin/queues/${queue.id}`));
          }
        }}
      />
    </section>
  );
};
