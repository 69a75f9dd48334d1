import { useTranslation } from 'react-i18next';
import { useSession } from '../session-context';

export const LogoutButton = () => {
  const { t } = useTranslation();
  const { logOut } = useSession();
  return (
    <button className="button button--ghost" type="button" onClick={() => void logOut()}>
      {t('auth.logOut')}
    </button>
  );
};
