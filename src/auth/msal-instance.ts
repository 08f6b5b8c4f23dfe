import { AuthError, LogLevel, ProtocolMode, createStandardPublicClientApplication, type Configuration } from '@azure/msal-browser';
import type { AppConfig } from '../config/app-config';
import { rememberRedirectFailure } from './sign-in-error';

/** MSAL's redirect bridge page (redirect.html): popups, iframes and redirects all come back through it. */
export const redirectBridgePath = '/redirect.html';

export function msalConfiguration(config: AppConfig, origin: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      authorityMetadata: config.authorityMetadata,
      redirectUri: `${origin}${redirectBridgePath}`,
      postLogoutRedirectUri: `${origin}${redirectBridgePath}`,
    },
    // Tokens live only as long as the tab: never in localStorage.
    cache: { cacheLocation: 'sessionStorage' },
    system: {
      protocolMode: ProtocolMode.AAD,
      tokenRenewalOffsetSeconds: config.tokenRenewalOffsetSeconds,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii || level > LogLevel.Warning) return;
          if (level === LogLevel.Error) console.error(message);
          else console.warn(message);
        },
      },
    },
  };
}

/** Created once, before React renders (StrictMode would otherwise make two). */
export async function createMsalInstance(config: AppConfig, origin = window.location.origin) {
  const instance = await createStandardPublicClientApplication(msalConfiguration(config, origin));
  // A sign-in that came back with an error (AADSTS…) is the sign-in page's to show, not a configuration problem.
  const result = await instance.handleRedirectPromise().catch((error: unknown) => {
    if (!(error instanceof AuthError)) throw error;
    rememberRedirectFailure(error);
    return null;
  });
  const account = result?.account ?? instance.getActiveAccount() ?? instance.getAllAccounts()[0];
  if (account) instance.setActiveAccount(account);
  return instance;
}
