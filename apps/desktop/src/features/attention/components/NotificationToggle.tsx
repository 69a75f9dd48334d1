import { useTranslation } from 'react-i18next';
import { notificationsSupported } from '../use-attention';

/** A screen with a dot: the system's notifications, on or off; not shown where the browser has none. */
export const NotificationToggle = ({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) => {
  const { t } = useTranslation();
  if (!notificationsSupported()) {
    return null;
  }
  return (
    <button
      type="button"
      className="button button--ghost"
      aria-pressed={on}
      aria-label={t('attention.notifications')}
      title={t('attention.notifications')}
      onClick={() => void onChange(!on)}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect
          x="1.5"
          y="3"
          width="13"
          height="9"
          rx="1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
        />
        <path d="M5.5 14h5" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
        <circle
          cx="12.5"
          cy="3.5"
          r="2.3"
          fill={on ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="1.1"
        />
        {!on && <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />}
      </svg>
    </button>
  );
};
