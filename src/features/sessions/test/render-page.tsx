import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Outlet, RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { createGraphClient, type GraphClient } from '../../../graph/graph-client';
import { GraphClientProvider } from '../../../graph/graph-client-context';

export const graphBase = 'https://graph.test/v1.0';

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const graphError = (status: number, code: string, requestId: string) =>
  json({ error: { code, message: `${code}: Graph says no.`, innerError: { 'request-id': requestId, date: '2026-11-22T12:00:00' } } }, status);

/** A response that never arrives, to see the loading state. */
export const never = () => new Promise<Response>(() => {});

/**
 * The real graph client over a fake fetch: `respond` gets each request's URL, decoded the way Graph (and the
 * emulator) decode it, and returns the response.
 */
export function fakeGraph(respond: (path: string, query: string) => Response | Promise<Response>) {
  const requests: { path: string; query: string }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const request = { path: url.pathname.replace('/v1.0', ''), query: decodeURIComponent(url.search) };
    requests.push(request);
    return respond(request.path, request.query);
  });
  const client = createGraphClient({
    baseUrl: 'https://graph.test',
    apiVersion: 'v1.0',
    getAccessToken: async () => 'token',
    fetch,
    maxRetries: 0,
  });
  return { client, requests };
}

// Fluent pages render slowly in jsdom when the machine is busy: wait longer than the 1 s default for them.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no scrolling; the router resets the scroll position after each navigation.
window.scrollTo = () => {};

/** Renders a page inside the providers the app gives it, at `/` of a memory router (pages render router links). */
export function renderPage(page: () => ReactNode, client: GraphClient) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rootRoute = createRootRoute({ component: Outlet });
  const pageRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: page });
  const router = createRouter({
    routeTree: rootRoute.addChildren([pageRoute]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return render(
    <FluentProvider theme={webLightTheme}>
      <GraphClientProvider client={client}>
        <QueryClientProvider client={queryClient}>
          {/* The app registers its own router type; this one only hosts the page. */}
          <RouterProvider router={router as never} />
        </QueryClientProvider>
      </GraphClientProvider>
    </FluentProvider>,
  );
}
