import type { TReason } from '@switchboard/contracts';
import { useTranslation } from 'react-i18next';
import { idleValue } from '../presence-state';

/** The states an agent may choose, as `<option>`s: Available, and Idle with each of its reasons. */
export const ChoosableStates = ({ idleReasons }: { idleReasons: readonly TReason[] }) => {
  const { t } = useTranslation();
  return (
    <>
      <option value="available">{t('presence.available')}</option>
      {idleReasons.length > 0 && (
        <optgroup label={t('presence.idle')}>
          {idleReasons.map((reason) => (
            <option key={reason.id} value={idleValue(reason)}>
              {reason.name}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
};
