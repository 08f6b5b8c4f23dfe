import type { IPublicClientApplication } from '@azure/msal-browser';
import { MsalProvider } from '@azure/msal-react';
import { FluentProvider } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { createAccessTokenProvider } from '../auth/access-token';
import { AuthSettingsProvider } from '../auth/auth-settings';
import type { AppConfig } from '../config/app-config';
import { createGraphClient } from '../graph/graph-client';
import { GraphClientProvider } from '../graph/graph-client-context';
import { GraphError } from '../graph/graph-error';
import { createAppRouter } from './router';
import { useSystemTheme } from './use-system-theme';

/** The graph client already waits out 429/503; a query retries once more only when Graph could not be reached. */
function shouldRetryQuery(failureCount: number, error: unknown) {
  return error instanceof GraphError && error.code === 'networkError' && failureCount < 1;
}

export function App({ config, msal }: { config: AppConfig; msal: IPublicClientApplication }) {
  const theme = useSystemTheme();
  const [{ queryClient, router, graphClient }] = useState(() => {
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: shouldRetryQuery, staleTime: 30_000, refetchOnWindowFocus: false } },
    });
    const graphClient = createGraphClient({
      baseUrl: config.graphBaseUrl,
      apiVersion: config.graphApiVersion,
      getAccessToken: createAccessTokenProvider(msal, config.graphScopes),
    });
    return { queryClient, router: createAppRouter(queryClient), graphClient };
  });

  return (
    <FluentProvider theme={theme} style={{ background: 'transparent' }}>
      <MsalProvider instance={msal}>
        <AuthSettingsProvider graphScopes={config.graphScopes}>
          <GraphClientProvider client={graphClient}>
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          </GraphClientProvider>
        </AuthSettingsProvider>
      </MsalProvider>
    </FluentProvider>
  );
}
