import type { TMe } from '@switchboard/contracts';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type ApiClient, createApiClient } from '../../shared/api/api-client';
import { isApiError } from '../../shared/api/api-error';
import { fetchSession, postLogin, postLogout } from './auth-api';

export type Session =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'authenticated'; user: TMe; csrfToken: string };

type SessionContextValue = {
  session: Session;
  api: ApiClient;
  /** Rejects with an ApiError (wrong credentials, 429) for the login form to show. */
  logIn: (email: string, password: string) => Promise<void>;
  logOut: () => Promise<void>;
  /** Asks the server again who we are (after "server unreachable"). */
  recheck: () => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Owns the session and the API client. Any unexpected 401 ends the session and sends the agent
 * back to the login screen with "Your session has expired".
 */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const csrfToken = useRef<string | null>(null);

  const [api] = useState(() =>
    createApiClient({
      getCsrfToken: () => csrfToken.current,
      onUnauthorized: () => {
        csrfToken.current = null;
        setSession((current) =>
          current.status === 'authenticated' ? { status: 'anonymous', expired: true } : current,
        );
      },
    }),
  );

  const authenticate = useCallback((user: TMe, token: string) => {
    csrfToken.current = token;
    setSession({ status: 'authenticated', user, csrfToken: token });
  }, []);

  const recheck = useCallback(() => {
    setSession({ status: 'loading' });
    fetchSession(api).then(
      ({ user, csrfToken: token }) => authenticate(user, token),
      (error: unknown) => {
        const unauthenticated = isApiError(error) && error.status === 401;
        setSession(unauthenticated ? { status: 'anonymous', expired: false } : { status: 'unreachable' });
      },
    );
  }, [api, authenticate]);

  useEffect(() => recheck(), [recheck]);

  const logIn = useCallback(
    async (email: string, password: string) => {
      const { user, csrfToken: token } = await postLogin(api, { email, password });
      authenticate(user, token);
    },
    [api, authenticate],
  );

  const logOut = useCallback(async () => {
    try {
      await postLogout(api);
    } catch {
      // Leaving the desk must work even when the server is gone; the cookie then expires by itself.
    } finally {
      csrfToken.current = null;
      setSession({ status: 'anonymous', expired: false });
    }
  }, [api]);

  const value = useMemo(
    () => ({ session, api, logIn, logOut, recheck }),
    [session, api, logIn, logOut, recheck],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionContextValue => {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession must be used inside <SessionProvider>');
  }
  return value;
};
