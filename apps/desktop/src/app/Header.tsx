import { useTranslation } from 'react-i18next';
import { NotificationToggle } from '../features/attention/components/NotificationToggle';
import { SoundToggle } from '../features/attention/components/SoundToggle';
import { LogoutButton } from '../features/auth/components/LogoutButton';
import { LanguageSwitcher } from '../features/i18n/components/LanguageSwitcher';
import { StateControl } from '../features/presence/components/StateControl';
import { type DeskView, ViewSwitch } from '../features/supervisor/components/ViewSwitch';
import { Avatar } from '../shared/ui/Avatar';
import { ConnectionBadge } from './ConnectionBadge';
import { useDesk } from './desk/desk-context';

type Props = {
  /** Only for supervisors and administrators: the board or the conversations. */
  view?: { current: DeskView; onChange: (view: DeskView) => void };
  /** Only for agents: the alert sound and the system notifications for contact requests. */
  sound?: { on: boolean; onChange: (on: boolean) => void };
  notifications?: { on: boolean; onChange: (on: boolean) => void | Promise<void> };
};

export const Header = ({ view, sound, notifications }: Props) => {
  const { t } = useTranslation();
  const { user } = useDesk();
  return (
    <header className="topbar">
      <h1 className="topbar__brand">
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </h1>
      {view && <ViewSwitch view={view.current} onChange={view.onChange} configure={user.role === 'admin'} />}
      <ConnectionBadge />
      <div className="topbar__spacer" />
      {/* Supervisors and administrators take no conversations: no state to set. */}
      {user.role === 'agent' && <StateControl />}
      {sound && <SoundToggle on={sound.on} onChange={sound.onChange} />}
      {notifications && (
        <NotificationToggle on={notifications.on} onChange={(on) => void notifications.onChange(on)} />
      )}
      <span className="topbar__agent" title={user.email}>
        <Avatar name={user.name} size="sm" />
        <span>{user.name}</span>
      </span>
      <LanguageSwitcher />
      <LogoutButton />
    </header>
  );
};
