import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UploadSession } from '../../../graph/schemas';
import { fakeGraph, graphError, json, renderPage, type SeenRequest } from '../../../test/graph-test-kit';
import { SessionActions } from './session-actions';
import { UploadSessionProvider } from './upload-session-provider';

const ids = { catalogId: 'cat-1', resourceId: 'res-1', sessionId: 'ses-1' };
const files = [
  { id: 'f1', name: 'badges.csv', size: 1500, uploadedDateTime: '2026-11-22T10:00:00Z' },
  { id: 'f2', name: 'doors.csv', size: 2500, uploadedDateTime: '2026-11-22T10:01:00Z' },
];
const session = (change: Partial<UploadSession> = {}): UploadSession => ({
  id: ids.sessionId,
  status: 'active',
  createdDateTime: '2026-11-22T09:55:00Z',
  referenceId: 'inst-1',
  data: { reviewDefinitionId: 'def-1', reviewInstanceId: 'inst-1' },
  stats: { filesUploaded: 2, totalBytesUploaded: 4000 },
  ...change,
});

/** The access review reads, by their URL inside a batch. */
const reviewAnswer = (url: string) =>
  url.includes('/instances')
    ? { value: [{ id: 'inst-1', startDateTime: '2026-11-22T09:00:00Z' }, { id: 'inst-0', startDateTime: '2026-11-15T09:00:00Z' }] }
    : { value: [{ id: 'def-1', displayName: 'Weekly review' }] };

function setup(current: UploadSession, storedFiles = files, { access, deleteAnswer }: { access?: 'reader'; deleteAnswer?: () => Response } = {}) {
  const fake = fakeGraph((request: SeenRequest) => {
    // The delete dialog names the review: its definitions and instances come together, in one $batch.
    if (request.path === '/$batch') {
      const inner = (request.body as { requests: { id: string; url: string }[] }).requests;
      return json({ responses: inner.map(({ id, url }) => ({ id, status: 200, body: reviewAnswer(url) })) });
    }
    if (request.method === 'GET') return json({ ...session(), files: storedFiles });
    if (request.method === 'DELETE' && deleteAnswer) return deleteAnswer();
    if (request.method === 'PATCH') return json({ ...session({ status: 'complete', isUploadDone: true }), files: storedFiles });
    if (request.method === 'DELETE') return json(null, 204);
    return json({ error: { code: 'invalidRequest', message: 'unexpected' } }, 400);
  });
  const onDeleted = vi.fn();
  renderPage(
    () => (
      <UploadSessionProvider ids={ids}>
        <SessionActions session={current} onDeleted={onDeleted} access={access} />
      </UploadSessionProvider>
    ),
    fake.client,
  );
  return { ...fake, onDeleted };
}

describe('finalize and delete', { timeout: 20_000 }, () => {
  it('finalizing says what happens, lists the files and sends isUploadDone', async () => {
    const { requests } = setup(session());
    await userEvent.click(await screen.findByRole('button', { name: 'Finalize session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Finalize this upload session?' });
    expect(dialog).toHaveTextContent('No further files can be uploaded to this session');
    expect(dialog).toHaveTextContent('No new session can be created for this review instance');
    expect(dialog).toHaveTextContent('The review moves on');
    const list = await within(dialog).findByRole('list', { name: 'Files to finalize' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['badges.csv (1.5 kB)', 'doors.csv (2.5 kB)']);
    expect(dialog).toHaveTextContent('2 files, 4 kB in total');
    expect(requests.find((r) => r.path.endsWith('/ses-1'))?.query).toBe('?$expand=files($orderby=name asc)');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Finalize session' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch).toEqual({
      method: 'PATCH',
      path: '/identityGovernance/entitlementManagement/catalogs/cat-1/resources/res-1/uploadSessions/ses-1',
      query: '',
      body: { isUploadDone: true },
    });
    expect(await screen.findByText('Session finalized: the review has its data.')).toBeInTheDocument();
    // The review's instances are asked for again: the instance moves on once it has its data.
    const patchAt = requests.indexOf(patch!);
    const asksForInstances = (r: SeenRequest) =>
      r.path.endsWith('/definitions/def-1/instances') || JSON.stringify(r.body ?? '').includes('/definitions/def-1/instances');
    await waitFor(() => expect(requests.slice(patchAt + 1).some(asksForInstances)).toBe(true));
  });

  it('warns in the confirmation when a file is in the session twice', async () => {
    setup(session(), [...files, { ...files[0]!, id: 'f3' }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Finalize session' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/badges.csv is in the session 2 times/)).toBeInTheDocument();
  });

  it('cannot finalize a session without files', async () => {
    setup(session({ stats: { filesUploaded: 0, totalBytesUploaded: 0 } }));
    const finalize = await screen.findByRole('button', { name: 'Finalize session' });
    expect(finalize).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(finalize);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.hover(finalize);
    expect(await screen.findByText('Upload at least one file first.')).toBeInTheDocument();
  });

  it('deleting names the session, sends DELETE and goes back', async () => {
    const { requests, onDeleted } = setup(session());
    await userEvent.click(await screen.findByRole('button', { name: 'Delete session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this upload session?' });
    // Named by its review and instance, not only by an id.
    expect(await within(dialog).findByText('Weekly review · Instance 2')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('for Weekly review · Instance 2 (instance ID inst-1)');
    expect(dialog).toHaveTextContent('with its 2 uploaded files');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete session' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('offers nothing on a session that is not active', async () => {
    setup(session({ status: 'complete' }));
    await waitFor(() => expect(screen.queryByRole('button')).not.toBeInTheDocument());
  });

  it('shows a reader both actions disabled, saying why, and sends nothing', async () => {
    const { requests } = setup(session(), files, { access: 'reader' });
    const finalize = await screen.findByRole('button', { name: 'Finalize session' });
    const remove = screen.getByRole('button', { name: 'Delete session' });
    expect(finalize).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(remove);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.hover(remove);
    expect(await screen.findByText(/Catalog readers can see everything here but cannot delete sessions/)).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('explains a 403 once, with the code and request id, and does not offer the same refusal again', async () => {
    const { requests, onDeleted } = setup(session(), files, { deleteAnswer: () => graphError(403, 'accessDenied', 'req-del-403') });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this upload session?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete session' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('only catalog owners (or an Identity Governance Administrator) can make this change');
    expect(alert).toHaveTextContent('Code: accessDenied');
    expect(alert).toHaveTextContent('Request ID: req-del-403');
    expect(within(dialog).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Delete session' })).toBeDisabled();
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(onDeleted).not.toHaveBeenCalled();
  });
});
