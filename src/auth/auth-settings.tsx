import { createContext, useContext, type ReactNode } from 'react';

interface AuthSettings {
  graphScopes: string[];
}

const AuthSettingsContext = createContext<AuthSettings | null>(null);

export function AuthSettingsProvider({ graphScopes, children }: AuthSettings & { children: ReactNode }) {
  return <AuthSettingsContext.Provider value={{ graphScopes }}>{children}</AuthSettingsContext.Provider>;
}

export function useAuthSettings(): AuthSettings {
  const settings = useContext(AuthSettingsContext);
  if (!settings) throw new Error('useAuthSettings must be used inside AuthSettingsProvider');
  return settings;
}
