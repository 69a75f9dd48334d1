import { useTranslation } from 'react-i18next';
import { LoginScreen } from '../features/auth/components/LoginScreen';
import { SessionProvider, useSession } from '../features/auth/session-context';
import { I18nRoot } from '../features/i18n/I18nRoot';
import { ClockProvider } from '../shared/time/clock';
import { DeskScreen } from './DeskScreen';
import { DeskProvider } from './desk/DeskProvider';

const Screens = () => {
  const { t } = useTranslation();
  const { session, recheck } = useSession();
  switch (session.status) {
    case 'loading':
      return (
        <p className="splash" role="status">
          {t('app.loading')}
        </p>
      );
    case 'unreachable':
      return (
        <main className="splash">
          <p role="alert">{t('auth.unreachable')}</p>
          <button className="button" type="button" onClick={recheck}>
            {t('auth.retry')}
          </button>
        </main>
      );
    case 'anonymous':
      return <LoginScreen expired={session.expired} />;
    case 'authenticated':
      // Keyed by agent: a different login starts from a clean desk and a new socket.
      return (
        <DeskProvider key={session.user.id} user={session.user}>
          <ClockProvider>
            <DeskScreen />
          </ClockProvider>
        </DeskProvider>
      );
  }
};

export const App = () => (
  <I18nRoot>
    <SessionProvider>
      <Screens />
    </SessionProvider>
  </I18nRoot>
);
