import type { TAdminQueue, TAdminTeam } from '@switchboard/contracts';
import { useTranslation } from 'react-i18next';
import {
  createQueueRequest,
  draftOfQueue,
  emptyQueueDraft,
  type QueueDraft,
  updateQueueRequest,
} from '../queue-form';
import { CrudSection } from './CrudSection';
import { QueueForm } from './QueueForm';

/**
 * The administrator's queues (product.md: queues, offer timeouts): what each serves and needs, how
 * it routes, and the targets it is judged by; add, change (only what changed is sent) or delete one
 * (refused while an asset or a conversation uses it: QUEUE_IN_USE). Routing reads the change at
 * its next decision.
 */
export const QueuesSection = ({ teams }: { teams: readonly TAdminTeam[] }) => {
  const { t } = useTranslation();
  const teamName = (teamId: string | null) =>
    teamId === null ? '–' : (teams.find((team) => team.id === teamId)?.name ?? '–');
  return (
    <CrudSection<TAdminQueue, QueueDraft>
      title={t('admin.queues.title')}
      addLabel={t('admin.queues.add')}
      path="/api/admin/queues"
      field="queues"
      columns={[
        {
          header: t('admin.queues.channels'),
          cell: (queue) => queue.channels.map((channel) => t(`channels.${channel}`)).join(', '),
        },
        { header: t('admin.queues.team'), cell: (queue) => teamName(queue.teamId) },
        {
          header: t('admin.queues.skills'),
          cell: (queue) =>
            queue.skills.length > 0
              ? queue.skills.map((s) => `${s.skill} ≥ ${s.minProficiency}`).join(', ')
              : '–',
        },
        {
          header: t('admin.queues.routing'),
          cell: (queue) =>
            t('admin.queues.routingSummary', {
              strategy: t(`admin.queues.strategies.${queue.strategy}`),
              priority: queue.priority,
              timeout: queue.offerTimeoutSeconds,
              state: t(`presence.${queue.noAnswerState}`),
            }),
        },
        {
          header: t('admin.queues.targets'),
          cell: (queue) =>
            t('admin.queues.targetsSummary', {
              serviceLevel: queue.serviceLevelSeconds,
              response: queue.responseTargetSeconds,
            }),
        },
      ]}
      emptyDraft={emptyQueueDraft}
      draftOf={draftOfQueue}
      createRequest={createQueueRequest}
      updateRequest={updateQueueRequest}
      renderForm={({ item, ...form }) => <QueueForm {...form} teams={teams} />}
      remove={{
        label: t('admin.delete'),
        labelFor: (queue) => t('admin.deleteItem', { name: queue.name }),
        confirmTitle: (queue) => t('admin.queues.confirmDelete', { name: queue.name }),
        hint: t('admin.queues.deleteHint'),
      }}
    />
  );
};
