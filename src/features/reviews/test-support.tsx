import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
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

/** Test helpers: the real graph client over a fake Graph, and the providers the app gives a component. */
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

export function renderWithGraph(ui: ReactNode, client: ReturnType<typeof fakeGraph>['client']) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <FluentProvider theme={webLightTheme}>
      <GraphClientProvider client={client}>
        <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
      </GraphClientProvider>
    </FluentProvider>,
  );
}
