import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Outlet, RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { createGraphClient, type GraphClient } from '../graph/graph-client';
import { GraphClientProvider } from '../graph/graph-client-context';

/** Test helpers shared by every feature: the real graph client over a fake Graph, and the app's providers. */

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'request-id': 'req-test', ...headers },
  });

export const graphError = (status: number, code: string, requestId: string) =>
  json({ error: { code, message: `${code}: Graph says no.`, innerError: { 'request-id': requestId, date: '2026-11-22T12:00:00' } } }, status);

/** A response that never arrives, to see the loading state. */
export const never = () => new Promise<Response>(() => {});

export interface SeenRequest {
  method: string;
  path: string;
  /** Decoded the way Graph (and the emulator) decode it. */
  query: string;
  body?: unknown;
}

export function fakeGraph(respond: (request: SeenRequest) => Response | Promise<Response>) {
  const requests: SeenRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname.replace('/v1.0', ''),
      query: decodeURIComponent(url.search),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    return respond(request);
  });
  const client = createGraphClient({ baseUrl: 'https://graph.test', apiVersion: 'v1.0', getAccessToken: async () => 'token', fetch, maxRetries: 0 });
  return { client, requests };
}

function Providers({ client, children }: { client: GraphClient; children: ReactNode }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <FluentProvider theme={webLightTheme}>
      <GraphClientProvider client={client}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </GraphClientProvider>
    </FluentProvider>
  );
}

export function renderWithGraph(ui: ReactNode, client: GraphClient) {
  return render(<Providers client={client}>{ui}</Providers>);
}

/** Renders a page at `/` of a memory router, for components that render links or block navigation. */
export function renderPage(page: () => ReactNode, client: GraphClient) {
  const rootRoute = createRootRoute({ component: Outlet });
  const pageRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: page });
  const router = createRouter({
    routeTree: rootRoute.addChildren([pageRoute]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return render(
    <Providers client={client}>
      {/* The app registers its own router type; this one only hosts the page. */}
      <RouterProvider router={router as never} />
    </Providers>,
  );
}
