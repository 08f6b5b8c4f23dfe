import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { resourceSearchSchema, type ResourceSearch } from '../resource-search';
import { fakeGraph, graphError, json, never, renderPage } from '../../../test/graph-test-kit';
import { ResourcePage } from './resource-page';

const catalogId = 'cat-1';
const resourceId = 'res-1';

const sessions = [
  {
    id: 's-new',
    createdDateTime: '2026-11-22T10:00:00Z',
    status: 'active',
    isUploadDone: false,
    referenceId: 'inst-1',
    stats: { filesUploaded: 2, totalBytesUploaded: 1_234_567 },
  },
  {
    id: 's-odd',
    createdDateTime: '2026-10-01T10:00:00Z',
    status: 'unknownFutureValue',
    isUploadDone: true,
    referenceId: 'inst-unknown',
    stats: { filesUploaded: 0, totalBytesUploaded: 0 },
  },
];

/** Graph for a resource whose sessions answer `sessionsResponse`; reviews name `inst-1`. */
function graph(sessionsResponse: () => Response | Promise<Response>) {
  return fakeGraph(({ path }) => {
    if (path.endsWith('/uploadSessions')) return sessionsResponse();
    if (path.endsWith(`/resources/${resourceId}`)) return json({ id: resourceId, displayName: 'Badge Access Data', description: 'Badges' });
    if (path === '/identityGovernance/accessReviews/definitions') {
      return json({
        value: [
          { id: 'def-1', displayName: 'Quarterly review', scope: { resourceScopes: [{ resourceId: catalogId }] } },
          { id: 'def-2', displayName: 'Elsewhere', scope: { resourceScopes: [{ resourceId: 'cat-2' }] } },
        ],
      });
    }
    if (path === '/identityGovernance/accessReviews/definitions/def-1/instances') {
      return json({ value: [{ id: 'inst-1', startDateTime: '2026-11-22T09:00:00Z', status: 'Initializing' }] });
    }
    return graphError(404, 'itemNotFound', 'unexpected');
  });
}

function Harness({ initial = {} }: { initial?: Partial<ResourceSearch> }) {
  const [search, setSearch] = useState(() => resourceSearchSchema.parse(initial));
  return <ResourcePage catalogId={catalogId} resourceId={resourceId} search={search} onSearchChange={setSearch} actions={<button>New upload session</button>} />;
}

describe('ResourcePage', { timeout: 20_000 }, () => {
  it('shows a skeleton while the sessions load, and keeps the actions slot', async () => {
    const { client } = graph(never);
    renderPage(() => <Harness />, client);
    expect(await screen.findByLabelText('Loading upload sessions')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New upload session' })).toBeInTheDocument();
  });

  it('says what to do when there are no sessions', async () => {
    const { client } = graph(() => json({ value: [], '@odata.count': 0 }));
    renderPage(() => <Harness />, client);
    expect(await screen.findByRole('heading', { name: 'No upload sessions yet' })).toBeInTheDocument();
  });

  it('offers to clear the filters when none match', async () => {
    const { client, requests } = graph(() => json({ value: [], '@odata.count': 0 }));
    renderPage(() => <Harness initial={{ status: 'expired' }} />, client);
    expect(await screen.findByRole('heading', { name: 'No upload sessions match these filters' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(requests.filter((r) => r.path.endsWith('/uploadSessions')).at(-1)?.query).toBe(
        '?$orderby=createdDateTime desc&$count=true&$top=20',
      ),
    );
  });

  it("shows Graph's code and request id when Graph fails, and retries", async () => {
    let fail = true;
    const { client } = graph(() => (fail ? graphError(503, 'serviceNotAvailable', 'req-503') : json({ value: sessions, '@odata.count': 2 })));
    renderPage(() => <Harness />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The upload sessions could not be loaded');
    expect(alert).toHaveTextContent('Code: serviceNotAvailable');
    expect(alert).toHaveTextContent('Request ID: req-503');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Upload sessions' })).toBeInTheDocument();
  });

  it('explains a 403 once, like the catalog page, without the actions, filters or a retry', async () => {
    const { client } = fakeGraph(() => graphError(403, 'accessDenied', 'req-403'));
    renderPage(() => <Harness />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This resource could not be opened');
    expect(alert).toHaveTextContent('You are not an owner or reader of this catalog');
    expect(alert).toHaveTextContent('Code: accessDenied');
    expect(alert).toHaveTextContent('Request ID: req-403');
    // The resource and its sessions are both refused: one message, not two.
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    expect(screen.getByText('No access')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New upload session' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Status' })).not.toBeInTheDocument();
    expect(document.title).toBe('No access — Catalog Upload Console');
  });

  it('shows the role badge and names the tab after the resource', async () => {
    const { client } = graph(() => json({ value: [], '@odata.count': 0 }));
    renderPage(
      () => <ResourcePage catalogId={catalogId} resourceId={resourceId} search={resourceSearchSchema.parse({})} onSearchChange={() => {}} access="reader" />,
      client,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Badge Access Data' })).toBeInTheDocument();
    expect(screen.getByText('Reader')).toBeInTheDocument();
    expect(screen.getByText('Your role on this catalog:')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Badge Access Data — Catalog Upload Console'));
  });

  it('lists sessions with status, review name, stats and a link to each, and the total', async () => {
    const { client, requests } = graph(() => json({ value: sessions, '@odata.count': 27 }));
    renderPage(() => <Harness />, client);
    const table = await screen.findByRole('table', { name: 'Upload sessions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Active');
    // The review cell (its column; the phone layout repeats it under the date): the name, the instance id as a tooltip.
    const reviewCell = within(rows[0]!).getAllByRole('cell')[2]!;
    expect(await within(reviewCell).findByText('Quarterly review')).toBeInTheDocument();
    expect(within(reviewCell).getByTitle('inst-1')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('1.23 MB');
    expect(within(rows[0]!).getByTitle('1,234,567 bytes')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent(/No$/);
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', `/catalogs/${catalogId}/resources/${resourceId}/sessions/s-new`);
    // An unknown status is shown neutrally; an unresolved review as its plain id.
    expect(rows[1]).toHaveTextContent('Unknown');
    expect(rows[1]).toHaveTextContent('inst-unknown');
    expect(rows[1]).toHaveTextContent(/Yes$/);
    expect(screen.getByRole('navigation', { name: 'Upload sessions pages' })).toHaveTextContent('Showing 1–2 of 27 sessions');
    expect(requests.find((r) => r.path.endsWith('/uploadSessions'))?.query).toBe(
      '?$orderby=createdDateTime desc&$count=true&$top=20',
    );
  });

  it('asks Graph to filter, sort and page', async () => {
    const { client, requests } = graph(() => json({ value: sessions, '@odata.count': 27 }));
    renderPage(() => <Harness />, client);
    await screen.findByRole('table', { name: 'Upload sessions' });
    const lastSessionsQuery = () => requests.filter((r) => r.path.endsWith('/uploadSessions')).at(-1)?.query;

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'complete');
    await waitFor(() => expect(lastSessionsQuery()).toBe("?$filter=status eq 'complete'&$orderby=createdDateTime desc&$count=true&$top=20"));

    await screen.findByRole('option', { name: /Quarterly review/ });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Review instance' }), 'inst-1');
    await waitFor(() => expect(lastSessionsQuery()).toContain("$filter=status eq 'complete' and referenceId eq 'inst-1'"));

    await userEvent.click(screen.getByRole('button', { name: 'Created' }));
    await waitFor(() => expect(lastSessionsQuery()).toContain('$orderby=createdDateTime asc'));
    expect(screen.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(lastSessionsQuery()).toContain('$top=20&$skip=20'));
  });
});
