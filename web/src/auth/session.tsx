import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, fetchSession } from '../api/client.ts';
import type { SessionUser } from '../api/types.ts';

type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'ready'; user: SessionUser | null }
  | { status: 'error'; user: null };

type SessionValue = SessionState & {
  /** Re-reads /me: after login and logout the server issues a new CSRF token. */
  refresh: () => Promise<SessionUser | null>;
  login: (email: string, password: string) => Promise<SessionUser | null>;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null });

  const refresh = useCallback(async () => {
    try {
      const me = await fetchSession();
      setState({ status: 'ready', user: me.user });
      return me.user;
    } catch {
      setState({ status: 'error', user: null });
      return null;
    }
  }, []);

  const login = useCallback(
    async (email: string, password: string) => {
      await api.post('/api/v1/auth/login', { email, password });
      return refresh(); // the session changed: read the user and a new CSRF token
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } finally {
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ ...state, refresh, login, logout }), [state, refresh, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
