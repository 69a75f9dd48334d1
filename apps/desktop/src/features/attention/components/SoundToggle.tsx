import { useTranslation } from 'react-i18next';

/** A bell, struck through when the sound is off: drawn, so that it shows without an emoji font. */
const Bell = ({ off }: { off: boolean }) => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path
      d="M8 1.5a4 4 0 0 0-4 4v2.6L2.8 10.6a.6.6 0 0 0 .5.9h9.4a.6.6 0 0 0 .5-.9L12 8.1V5.5a4 4 0 0 0-4-4Z M6.3 12.5a1.8 1.8 0 0 0 3.4 0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinejoin="round"
    />
    {off && <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />}
  </svg>
);

/** The alert sound for contact requests, on or off (a toggle button; the choice stays in this browser). */
export const SoundToggle = ({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) => {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button--ghost"
      aria-pressed={on}
      aria-label={t('attention.sound')}
      title={t('attention.sound')}
      onClick={() => onChange(!on)}
    >
      <Bell off={!on} />
    </button>
  );
};
