import { useTranslation } from 'react-i18next';
import { LogoutButton } from '../features/auth/components/LogoutButton';
import { LanguageSwitcher } from '../features/i18n/components/LanguageSwitcher';
import { StateControl } from '../features/presence/components/StateControl';
import { Avatar } from '../shared/ui/Avatar';
import { ConnectionBadge } from './ConnectionBadge';
import { useDesk } from './desk/desk-context';

export const Header = () => {
  const { t } = useTranslation();
  const { user } = useDesk();
  return (
    <header className="topbar">
      <h1 className="topbar__brand">
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </h1>
      <ConnectionBadge />
      <div className="topbar__spacer" />
      <StateControl />
      <span className="topbar__agent" title={user.email}>
        <Avatar name={user.name} size="sm" />
        <span>{user.name}</span>
      </span>
      <LanguageSwitcher />
      <LogoutButton />
    </header>
  );
};
