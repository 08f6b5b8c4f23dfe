import { InteractionStatus } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { createAccessTokenProvider } from '../auth/access-token';
import { createIdleGate } from '../auth/idle-gate';
import { createSignInAgain } from '../auth/sign-in-again';
import { SignInAgainProvider } from '../auth/sign-in-again-context';
import type { AppConfig } from '../config/app-config';
import { createGraphClient } from '../graph/graph-client';
import { GraphClientProvider } from '../graph/graph-client-context';
import { GraphError } from '../graph/graph-error';
import { createAppRouter } from './router';

/** The graph client already waits out 429/503; a query retries once more only when Graph could not be reached. */
function shouldRetryQuery(failureCount: number, error: unknown) {
  return error instanceof GraphError && error.code === 'networkError' && failureCount < 1;
}

/**
 * Everything behind sign-in: Graph, the query cache and the pages. Loaded only once someone is signed in, so the
 * sign-in page does not wait for it; the router reads the address then, so deep links survive the sign-in redirect.
 */
export function SignedInApp({ config }: { config: AppConfig }) {
  const { instance: msal, inProgress } = useMsal();
  const [{ queryClient, router, graphClient, idleGate, signInAgain }] = useState(() => {
    // Route loaders may start before MSAL is idle: their token requests wait for it.
    const idleGate = createIdleGate();
    idleGate.set(inProgress === InteractionStatus.None);
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: shouldRetryQuery, staleTime: 30_000, refetchOnWindowFocus: false } },
    });
    // Uploads under way hold it: a lost sign-in then asks for a popup instead of redirecting away from them.
    const signInAgain = createSignInAgain(msal, config.graphScopes);
    const graphClient = createGraphClient({
      baseUrl: config.graphBaseUrl,
      apiVersion: config.graphApiVersion,
      getAccessToken: createAccessTokenProvider(msal, config.graphScopes, idleGate.whenIdle, signInAgain),
    });
    return { queryClient, router: createAppRouter({ queryClient, graphClient }), graphClient, idleGate, signInAgain };
  });
  useEffect(() => idleGate.set(inProgress === InteractionStatus.None), [idleGate, inProgress]);

  return (
    <SignInAgainProvider value={signInAgain}>
      <GraphClientProvider client={graphClient}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </GraphClientProvider>
    </SignInAgainProvider>
  );
}
