import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../features/i18n/describe-error';
import { useDesk } from '../desk/desk-context';
import type { Notice } from './notices-state';

const NOTICE_LIFETIME_MS = 8000;

const NoticeItem = ({ notice, onDismiss }: { notice: Notice; onDismiss: (id: string) => void }) => {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), NOTICE_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [notice.id, onDismiss]);
  const text =
    notice.error !== undefined ? describeError(notice.error, t) : t(notice.key ?? '', notice.values);
  return (
    <li className={`notice notice--${notice.tone}`}>
      <span>{text}</span>
      <button
        className="icon-button"
        type="button"
        aria-label={t('notices.dismiss')}
        onClick={() => onDismiss(notice.id)}
      >
        ×
      </button>
    </li>
  );
};

/** A live region: screen readers hear a notice once, without focus moving. */
export const NoticeList = () => {
  const { t } = useTranslation();
  const { notices, actions } = useDesk();
  return (
    <section className="notices" aria-label={t('notices.label')} aria-live="polite">
      <ul className="notices__list">
        {notices.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} onDismiss={actions.dismissNotice} />
        ))}
      </ul>
    </section>
  );
};
