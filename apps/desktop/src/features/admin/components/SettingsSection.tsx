import type { TSettings } from '@switchboard/contracts';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { FailureCallout } from '../../i18n/components/FailureCallout';

/**
 * The desktop settings an administrator controls: the seeds' "Mask customer-sensitive data", and
 * whether customers may send files (pictures are never masked: this keeps them out).
 * The switch shows what the server answered, never what was clicked: a refused change leaves it
 * as it was, with the refusal said. Every change is audited by the server (`onChanged` lets the
 * audit log below read it again) and pushed to every open desktop as `settings.changed`.
 */
export const SettingsSection = ({ onChanged }: { onChanged: () => void }) => {
  const { t } = useTranslation();
  const { api } = useSession();
  const headingId = useId();
  const [settings, setSettings] = useState<TSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.get<TSettings>('/api/admin/settings').then(setSettings, setError);
  }, [api]);

  const change = async (patch: Partial<TSettings>) => {
    setBusy(true);
    setError(null);
    try {
      setSettings(await api.patch<TSettings>('/api/admin/settings', patch));
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-list" aria-labelledby={headingId}>
      <h3 id={headingId} className="admin-list__title">
        {t('admin.settings.title')}
      </h3>
      <FailureCallout error={error} />
      {settings === null && error === null && <p role="status">{t('admin.loading')}</p>}
      {settings !== null && (
        <>
          <SettingSwitch
            label={t('admin.settings.maskSensitiveData')}
            hint={t('admin.settings.maskSensitiveDataHint')}
            checked={settings.maskSensitiveData}
            disabled={busy}
            onChange={(on) => void change({ maskSensitiveData: on })}
          />
          <SettingSwitch
            label={t('admin.settings.acceptCustomerFiles')}
            hint={t('admin.settings.acceptCustomerFilesHint')}
            checked={settings.acceptCustomerFiles}
            disabled={busy}
            onChange={(on) => void change({ acceptCustomerFiles: on })}
          />
        </>
      )}
    </section>
  );
};

/** One setting: a switch with its name, and what it does below it. */
const SettingSwitch = ({
  label,
  hint,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) => {
  const hintId = useId();
  return (
    <>
      <label className="admin-switch">
        <input
          type="checkbox"
          role="switch"
          className="admin-switch__input"
          checked={checked}
          aria-checked={checked}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="admin-switch__label">{label}</span>
      </label>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
    </>
  );
};
