import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Outlet, RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { createGraphClient } from '../../graph/graph-client';
import { GraphClientProvider } from '../../graph/graph-client-context';

// jsdom has no layout: tabster (Fluent's focus manager) would take every element for hidden, leave the focus on a
// dialog's surface and mark the surface aria-hidden. Give it a body with a size and offset parents.
document.body.getBoundingClientRect = () => DOMRect.fromRect({ width: 1024, height: 768 });
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.parentElement;
  },
});
// The router resets the scroll position after each navigation; jsdom cannot scroll.
window.scrollTo = () => {};

/** Test helpers: the real graph client over a fake Graph, and the providers and router the app gives a component. */
export const json = (body: unknown, status = 200) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'request-id': 'req-test' } });

export interface SeenRequest {
  method: string;
  path: string;
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

/** Renders `ui` as the page at `/` of a memory router (the upload queue blocks navigation with the router). */
export function renderInRouter(ui: () => ReactNode, client: ReturnType<typeof fakeGraph>['client']) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rootRoute = createRootRoute({ component: Outlet });
  const pageRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: ui });
  const router = createRouter({ routeTree: rootRoute.addChildren([pageRoute]), history: createMemoryHistory({ initialEntries: ['/'] }) });
  return render(
    <FluentProvider theme={webLightTheme}>
      <GraphClientProvider client={client}>
        <QueryClientProvider client={queryClient}>
          {/* The app registers its own router type; this one only hosts the component. */}
          <RouterProvider router={router as never} />
        </QueryClientProvider>
      </GraphClientProvider>
    </FluentProvider>,
  );
}
