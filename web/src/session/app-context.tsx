import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { loadWebConfig, PlatformApi } from '../api/platform-api';
import type { WebConfig } from '../api/types';
import { type Session, sessionFromToken } from './session';

const TOKEN_KEY = 'wiw.token';

interface AppContextValue {
  config: WebConfig;
  session: Session | null;
  api: PlatformApi;
  signIn(token: string): Session | null;
  signOut(): void;
}

const AppContext = createContext<AppContextValue | null>(null);

/** The front's configuration from the portal, the signed-in session and an API client for it. */
export function AppProvider({ children, fallback }: { children: ReactNode; fallback: (error?: Error) => ReactNode }) {
  const [config, setConfig] = useState<WebConfig>();
  const [error, setError] = useState<Error>();
  const [session, setSession] = useState<Session | null>(() => sessionFromToken(localStorage.getItem(TOKEN_KEY) ?? ''));

  useEffect(() => {
    loadWebConfig().then(setConfig, (reason: unknown) => setError(reason instanceof Error ? reason : new Error(String(reason))));
  }, []);

  // Sign out when the token runs out, rather than letting every call fail with 401.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => setSession(null), Math.min(session.expiresAt - Date.now(), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [session]);

  const signIn = useCallback((token: string) => {
    const next = sessionFromToken(token);
    if (next) localStorage.setItem(TOKEN_KEY, token);
    setSession(next);
    return next;
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(TOKEN_KEY);
    setSession(null);
  }, []);

  const value = useMemo(() => (config ? { config, session, api: new PlatformApi(config, session?.token), signIn, signOut } : null), [config, session, signIn, signOut]);
  if (!value) return <>{fallback(error)}</>;
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppProvider');
  return value;
}
