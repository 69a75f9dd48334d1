import type { TAdminEntryPoint, TAdminQueue } from '@switchboard/contracts';
import { useTranslation } from 'react-i18next';
import {
  createEntryPointRequest,
  draftOfEntryPoint,
  type EntryPointDraft,
  emptyEntryPointDraft,
  updateEntryPointRequest,
} from '../entry-point-form';
import { useAdminCollection } from '../use-admin-collection';
import { CrudSection } from './CrudSection';
import { EntryPointForm } from './EntryPointForm';

/**
 * The administrator's assets (the seeds' term for entry points): a live-chat widget, a WhatsApp
 * number, an SMS number or a Messenger page, each routed to a queue. The list says where to point
 * the provider's webhook (or the widget's key) and which secrets are set, never their values.
 * Deleting one interrupts its open conversations (the agents are told and can only end them).
 */
export const EntryPointsSection = () => {
  const { t } = useTranslation();
  const queues = useAdminCollection<TAdminQueue>('/api/admin/queues', 'queues').items ?? [];
  const queueName = (queueId: string) => queues.find((queue) => queue.id === queueId)?.name ?? '–';
  return (
    <CrudSection<TAdminEntryPoint, EntryPointDraft>
      title={t('admin.assets.title')}
      addLabel={t('admin.assets.add')}
      path="/api/admin/entry-points"
      field="entryPoints"
      visible={(entryPoint) => entryPoint.deletedAt === null}
      columns={[
        { header: t('history.channel'), cell: (entryPoint) => t(`channels.${entryPoint.channel}`) },
        { header: t('supervisor.queue'), cell: (entryPoint) => queueName(entryPoint.queueId) },
        {
          header: t('admin.assets.address'),
          cell: (entryPoint) => (
            <span className="admin-table__address">
              {entryPoint.webhookUrl === null
                ? t('admin.assets.widgetKey', { key: entryPoint.key })
                : t('admin.assets.webhook', { url: entryPoint.webhookUrl })}
            </span>
          ),
        },
        { header: t('admin.assets.region'), cell: (entryPoint) => entryPoint.region ?? '–' },
        {
          header: t('admin.assets.secrets'),
          cell: (entryPoint) =>
            entryPoint.secretsSet.length > 0
              ? entryPoint.secretsSet.map((field) => t(`admin.assets.fields.${field}`)).join(', ')
              : '–',
        },
      ]}
      emptyDraft={() => emptyEntryPointDraft('livechat', queues[0]?.id ?? '')}
      draftOf={draftOfEntryPoint}
      createRequest={createEntryPointRequest}
      updateRequest={updateEntryPointRequest}
      renderForm={({ item, ...form }) => (
        <EntryPointForm {...form} queues={queues} secretsSet={item?.secretsSet ?? []} />
      )}
      remove={{
        label: t('admin.delete'),
        labelFor: (entryPoint) => t('admin.deleteItem', { name: entryPoint.name }),
        confirmTitle: (entryPoint) => t('admin.assets.confirmDelete', { name: entryPoint.name }),
        hint: t('admin.assets.deleteHint'),
      }}
      addDisabled={queues.length === 0}
    />
  );
};
