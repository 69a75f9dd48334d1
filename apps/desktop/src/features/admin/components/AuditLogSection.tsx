import type { TAuditEntry } from '@switchboard/contracts';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { FailureCallout } from '../../i18n/components/FailureCallout';
import { useFormatters } from '../../i18n/use-formatters';
import { actionKeys, detailLines } from '../audit-entry';

/** Entries read at a time; "Show older entries" reads the next ones. */
const PAGE = 25;

/**
 * The audit log, newest first: who changed which setting or configuration, who revealed a masked
 * value and why. Read-only (the server never updates or deletes an entry); read again when
 * `revision` changes, after a change made on this screen.
 */
export const AuditLogSection = ({ revision }: { revision: number }) => {
  const { t } = useTranslation();
  const { api } = useSession();
  const { dateTime } = useFormatters();
  const headingId = useId();
  const [entries, setEntries] = useState<TAuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const read = useCallback(
    async (before?: number) => {
      const query = before === undefined ? `limit=${PAGE}` : `limit=${PAGE}&before=${before}`;
      const answer = await api.get<{ entries: TAuditEntry[] }>(`/api/admin/audit-log?${query}`);
      setEntries((shown) => (before === undefined ? answer.entries : [...(shown ?? []), ...answer.entries]));
      setMore(answer.entries.length === PAGE);
    },
    [api],
  );

  const load = useCallback(
    async (before?: number) => {
      setBusy(true);
      setError(null);
      try {
        await read(before);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [read],
  );

  useEffect(() => {
    void revision;
    void load();
  }, [load, revision]);

  const action = (entry: TAuditEntry) => {
    const keys = actionKeys(entry.action);
    return keys
      ? t('admin.audit.action', {
          subject: t(`admin.audit.subjects.${keys.subject}`),
          verb: t(`admin.audit.verbs.${keys.verb}`),
        })
      : entry.action;
  };

  return (
    <section className="admin-list" aria-labelledby={headingId}>
      <div className="admin-list__bar">
        <h3 id={headingId} className="admin-list__title">
          {t('admin.audit.title')}
        </h3>
        <button className="button" type="button" disabled={busy} onClick={() => void load()}>
          {t('admin.audit.refresh')}
        </button>
      </div>
      <FailureCallout error={error} />
      {entries === null && error === null && <p role="status">{t('admin.loading')}</p>}
      {entries !== null && entries.length === 0 && <p className="admin-list__empty">{t('admin.empty')}</p>}
      {entries !== null && entries.length > 0 && (
        <table className="board-table audit-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.when')}</th>
              <th scope="col">{t('admin.audit.who')}</th>
              <th scope="col">{t('admin.audit.what')}</th>
              <th scope="col">{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="audit-table__when">{dateTime(entry.at)}</td>
                <td>{entry.actorName ?? t('admin.audit.system')}</td>
                <td>{action(entry)}</td>
                <td>
                  <ul className="audit-table__details">
                    {detailLines(entry).map((line, k) => (
                      // The lines are the entry's details in the server's order: their place is their identity.
                      <li key={k}>{line}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && entries !== null && (
        <div className="admin-list__actions">
          <button
            className="button"
            type="button"
            disabled={busy}
            onClick={() => void load(entries[entries.length - 1]?.id)}
          >
            {t('admin.audit.older')}
          </button>
        </div>
      )}
    </section>
  );
};
