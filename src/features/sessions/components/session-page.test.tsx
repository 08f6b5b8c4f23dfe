import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { UploadSession } from '../../../graph/schemas';
import { sessionSearchSchema, type SessionSearch } from '../session-search';
import { fakeGraph, graphError, json, never, renderPage } from '../../../test/graph-test-kit';
import { SessionPage } from './session-page';

const ids = { catalogId: 'cat-1', resourceId: 'res-1', sessionId: 'ses-1' };

const files = Array.from({ length: 120 }, (_, index) => ({
  id: `f${index}`,
  name: `export ${String(index).padStart(3, '0')}.csv`,
  size: 1000 * (index + 1),
  uploadedDateTime: new Date(Date.UTC(2026, 10, 22, 10, 0, index)).toISOString(),
}));

const session = (status: string) => ({
  id: ids.sessionId,
  createdDateTime: '2026-11-22T09:55:00Z',
  status,
  isUploadDone: status === 'complete',
  referenceId: 'inst-1',
  stats: { filesUploaded: files.length, totalBytesUploaded: 7_260_000 },
  data: { reviewDefinitionId: 'def-1', reviewInstanceId: 'inst-1' },
  files,
});

/** Graph for one session: the session itself (no query) and the filtered/sorted files query answer separately. */
function graph({
  detail = () => json(session('active')),
  filesResponse = () => json({ ...session('active'), files }),
}: { detail?: () => Response | Promise<Response>; filesResponse?: (query: string) => Response | Promise<Response> }) {
  return fakeGraph(({ path, query }) => {
    if (path.endsWith(`/uploadSessions/${ids.sessionId}`)) return query === '' ? detail() : filesResponse(query);
    if (path === '/identityGovernance/accessReviews/definitions') return json({ value: [] });
    return graphError(404, 'itemNotFound', 'unexpected');
  });
}

function Harness({ initial = {}, renderActions }: { initial?: Partial<SessionSearch>; renderActions?: (s: UploadSession) => string }) {
  const [search, setSearch] = useState(() => sessionSearchSchema.parse(initial));
  return (
    <SessionPage
      {...ids}
      search={search}
      onSearchChange={setSearch}
      renderActions={renderActions}
      renderUploadPanel={(s) => <p>Upload panel for {s.status}</p>}
    />
  );
}

const filesQueries = (requests: { query: string }[]) => requests.filter((r) => r.query.startsWith('?$expand=files(')).map((r) => r.query);

describe('SessionPage', { timeout: 20_000 }, () => {
  it('shows skeletons while the session loads', async () => {
    const { client } = graph({ detail: never, filesResponse: never });
    renderPage(() => <Harness />, client);
    expect(await screen.findByLabelText('Loading upload session')).toBeInTheDocument();
  });

  it("shows Graph's code and request id when the session cannot be opened", async () => {
    const { client } = graph({ detail: () => graphError(503, 'serviceNotAvailable', 'req-503') });
    renderPage(() => <Harness />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This upload session could not be opened');
    expect(alert).toHaveTextContent('Code: serviceNotAvailable');
    expect(alert).toHaveTextContent('Request ID: req-503');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('explains a 403 once, kindly, with the code and request id and no retry', async () => {
    const denied = () => graphError(403, 'accessDenied', 'req-403');
    const { client } = graph({ detail: denied, filesResponse: denied });
    renderPage(() => <Harness />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You are not an owner or reader of this catalog');
    expect(alert).toHaveTextContent('Request ID: req-403');
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.getByText('No access')).toBeInTheDocument();
    expect(document.title).toBe('No access — Catalog Upload Console');
  });

  it('names the review and instance in the heading, and the status and resource in the title', async () => {
    const { client } = fakeGraph(({ path, query }) => {
      if (path.endsWith(`/uploadSessions/${ids.sessionId}`)) return json(query === '' ? session('active') : { ...session('active'), files: [] });
      if (path.endsWith(`/resources/${ids.resourceId}`)) return json({ id: ids.resourceId, displayName: 'Badge Access Data' });
      if (path === '/identityGovernance/accessReviews/definitions') {
        return json({ value: [{ id: 'def-1', displayName: 'Q3 review', scope: { resourceScopes: [{ resourceId: ids.catalogId }] } }] });
      }
      if (path.endsWith('/definitions/def-1/instances')) {
        return json({ value: [{ id: 'inst-0', startDateTime: '2026-08-01T09:00:00Z' }, { id: 'inst-1', startDateTime: '2026-11-22T09:00:00Z' }] });
      }
      return graphError(404, 'itemNotFound', 'unexpected');
    });
    renderPage(() => <Harness />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Q3 review · Instance 2' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Q3 review · Instance 2 · Active — Badge Access Data — Catalog Upload Console'));
  });

  it('says plainly when the session no longer exists, with the code and request id', async () => {
    const { client } = graph({ detail: () => graphError(404, 'itemNotFound', 'req-404') });
    renderPage(() => <Harness />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This upload session no longer exists');
    expect(alert).toHaveTextContent(/it was deleted/);
    expect(alert).toHaveTextContent('Request ID: req-404');
    expect(screen.queryByText(/Upload panel/)).not.toBeInTheDocument();
  });

  it('opens with one request for the session and one for its files, which also feed the size chart', async () => {
    const { client, requests } = graph({});
    renderPage(() => <Harness />, client);
    expect(await screen.findByRole('img', { name: /^File sizes of 120 files\./ })).toBeInTheDocument();
    const sessionRequests = requests.filter((r) => r.path.endsWith(`/uploadSessions/${ids.sessionId}`));
    expect(sessionRequests.map((r) => r.query)).toEqual(['', '?$expand=files($orderby=uploadedDateTime desc)']);
  });

  it('shows the facts, the figures, both slots and the first 100 files, and pages through them', async () => {
    const { client } = graph({});
    renderPage(() => <Harness renderActions={(s) => `Finalize ${s.id}`} />, client);
    expect(await screen.findByText('Finalize ses-1')).toBeInTheDocument();
    expect(screen.getByText('Upload panel for active')).toBeInTheDocument();
    const details = screen.getByRole('group', { name: 'Session details' });
    expect(details).toHaveTextContent('def-1');
    expect(details).toHaveTextContent('inst-1');
    expect(screen.getByRole('group', { name: 'Session statistics' })).toHaveTextContent('Files uploaded120');
    expect(screen.getByTitle('7,260,000 bytes')).toHaveTextContent('7.26 MB');
    expect(screen.getByRole('img', { name: /^File sizes of 120 files\./ })).toBeInTheDocument();
    expect(screen.queryByText(/read-only/)).not.toBeInTheDocument();

    const table = await screen.findByRole('table', { name: 'Files' });
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    expect(screen.getByText('120 files in the session')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Files pages' });
    expect(pages).toHaveTextContent('Showing 1–100 of 120 files');
    await userEvent.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(pages).toHaveTextContent('Showing 101–120 of 120 files');
    expect(within(pages).getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('export 100.csv');
  });

  it('copies the review instance id and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const { client } = graph({});
    renderPage(() => <Harness />, client);
    await user.click(await screen.findByRole('button', { name: 'Copy review instance ID' }));
    expect(writeText).toHaveBeenCalledWith('inst-1');
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });

  it.each([
    ['complete', 'This session is finalized and read-only'],
    ['expired', 'This session expired and is read-only'],
    ['Complete', 'This session is finalized and read-only'],
    ['unknownFutureValue', 'This session is read-only'],
  ])('says when the session is %s that it is read-only', async (status, banner) => {
    const { client } = graph({ detail: () => json(session(status)) });
    renderPage(() => <Harness />, client);
    expect(await screen.findByText(banner)).toBeInTheDocument();
  });

  it('sorts by a column through the nested $orderby when its header is clicked', async () => {
    const { client, requests } = graph({});
    renderPage(() => <Harness />, client);
    await screen.findByRole('table', { name: 'Files' });
    expect(filesQueries(requests).at(-1)).toBe('?$expand=files($orderby=uploadedDateTime desc)');
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(filesQueries(requests).at(-1)).toBe('?$expand=files($orderby=name asc)'));
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(filesQueries(requests).at(-1)).toBe('?$expand=files($orderby=name desc)'));
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(screen.getByRole('button', { name: 'Size' }));
    await waitFor(() => expect(filesQueries(requests).at(-1)).toBe('?$expand=files($orderby=size asc)'));
  });

  it('sends every filter to Graph, joined with and, and says how many files match', async () => {
    const { client, requests } = graph({
      filesResponse: (query) => json({ ...session('active'), files: query.includes('$filter') ? files.slice(0, 3) : files }),
    });
    renderPage(() => <Harness />, client);
    await screen.findByRole('table', { name: 'Files' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Name comparison' }), 'ne');
    await userEvent.click(screen.getByRole('textbox', { name: 'File name' }));
    await userEvent.paste("O'Brien #2 (100%).csv");
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Size comparison' }), 'le');
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Size' }), '1.5');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Size unit' }), 'MB');
    expect(screen.getByText('= 1,500,000 bytes')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Uploaded comparison' }), 'lt');
    await userEvent.type(screen.getByLabelText('Uploaded date and time'), '2026-11-22T11:00:00');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    const uploaded = new Date(2026, 10, 22, 11, 0, 0).toISOString();
    await waitFor(() =>
      expect(filesQueries(requests).at(-1)).toBe(
        `?$expand=files($filter=name ne 'O''Brien #2 (100%).csv' and size le 1500000 and uploadedDateTime lt ${uploaded};$orderby=uploadedDateTime desc)`,
      ),
    );
    expect(await screen.findByText('3 files match the filters (of 120 in the session)')).toBeInTheDocument();
  });

  it('says when no file matches and clears the filters', async () => {
    const { client, requests } = graph({
      filesResponse: (query) => json({ ...session('active'), files: query.includes('$filter') ? [] : files }),
    });
    renderPage(() => <Harness initial={{ name: 'missing.csv' }} />, client);
    expect(await screen.findByRole('heading', { name: 'No files match these filters' })).toBeInTheDocument();
    await userEvent.click(within(screen.getByRole('region', { name: 'No files match these filters' })).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(filesQueries(requests).at(-1)).toBe('?$expand=files($orderby=uploadedDateTime desc)'));
    expect(await screen.findByRole('table', { name: 'Files' })).toBeInTheDocument();
  });

  it('says when no file has been uploaded yet', async () => {
    const { client } = graph({ filesResponse: () => json({ ...session('active'), files: [] }) });
    renderPage(() => <Harness />, client);
    expect(await screen.findByRole('heading', { name: 'No files uploaded yet' })).toBeInTheDocument();
  });

  it("shows Graph's code and request id when the files cannot be loaded", async () => {
    const { client } = graph({ filesResponse: () => graphError(400, 'invalidRequest', 'req-400') });
    renderPage(() => <Harness initial={{ sizeOp: 'gt', size: 5 }} />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The files could not be loaded');
    expect(alert).toHaveTextContent('Code: invalidRequest');
    expect(alert).toHaveTextContent('Request ID: req-400');
  });
});
