import type { TSupervisorQueue } from '@switchboard/contracts';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../shared/time/clock';
import { elapsedSince } from '../../../shared/time/format-duration';
import { Timer } from '../../../shared/time/Timer';

/** Per queue: what waits and for how long, what is offered, what is being handled. */
export const QueueTable = ({ queues }: { queues: readonly TSupervisorQueue[] }) => {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <table className="board-table">
      <caption className="board-table__caption">{t('supervisor.queuesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('supervisor.queue')}</th>
          <th scope="col" className="board-table__num">
            {t('supervisor.waiting')}
          </th>
          <th scope="col">{t('supervisor.longestWait')}</th>
          <th scope="col" className="board-table__num">
            {t('supervisor.offered')}
          </th>
          <th scope="col" className="board-table__num">
            {t('supervisor.active')}
          </th>
          <th scope="col" className="board-table__num">
            {t('supervisor.transfers')}
          </th>
          <th scope="col" className="board-table__num">
            {t('supervisor.conferences')}
          </th>
        </tr>
      </thead>
      <tbody>
        {queues.length === 0 && (
          <tr>
            <td colSpan={7} className="board-table__empty">
              {t('supervisor.noQueues')}
            </td>
          </tr>
        )}
        {queues.map((queue) => (
          <tr key={queue.id} className={queue.waiting > 0 ? 'board-row--waiting' : undefined}>
            <th scope="row">{queue.name}</th>
            <td className="board-table__num">{queue.waiting}</td>
            <td
              className={
                // Past the queue's service-level target: the wait shows in the danger colour.
                queue.longestWaitSince &&
                elapsedSince(queue.longestWaitSince, now) > queue.serviceLevelSeconds * 1000
                  ? 'board-table__over'
                  : undefined
              }
            >
              {queue.longestWaitSince ? (
                <Timer since={queue.longestWaitSince} label={t('supervisor.longestWait')} />
              ) : (
                <span className="board-table__none">{t('supervisor.noWait')}</span>
              )}
            </td>
            <td className="board-table__num">{queue.offered}</td>
            <td className="board-table__num">{queue.active}</td>
            <td className="board-table__num">{queue.transfers}</td>
            <td className="board-table__num">{queue.conferences}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
