import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeGraph, json, renderWithGraph, type SeenRequest } from '../../../test/graph-test-kit';
import { NewSessionButton } from './new-session-button';

const ids = { catalogId: 'cat-1', resourceId: 'res-1' };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const scope = (catalogId: string) => ({ resourceScopes: [{ resourceId: catalogId, scopeType: 'catalog' }] });
const definitions = [
  { id: 'def-weekly', displayName: 'Weekly badge attestation', scope: scope('cat-1') },
  { id: 'def-other', displayName: 'Another catalog', scope: scope('cat-2') },
  { id: 'def-quarterly', displayName: 'Quarterly access review', scope: scope('cat-1') },
];
const instances = [
  { id: '11111111-1111-4111-8111-111111111111', status: 'Applied', startDateTime: minutesAgo(60 * 24 * 7) },
  { id: '22222222-2222-4222-8222-222222222222', status: 'Initializing', startDateTime: minutesAgo(30) },
  { id: '33333333-3333-4333-8333-333333333333', status: 'NotStarted', startDateTime: minutesAgo(-60 * 24) },
];
const created = { id: 'ses-new', status: 'active', referenceId: instances[1]?.id, stats: { filesUploaded: 0, totalBytesUploaded: 0 } };

function graph({ existing = [] as unknown[], create = () => json(created, 201) } = {}) {
  return fakeGraph((request: SeenRequest) => {
    if (request.path === '/identityGovernance/accessReviews/definitions') return json({ value: definitions });
    if (request.path.endsWith('/instances')) return json({ value: instances });
    if (request.path.endsWith('/uploadSessions') && request.method === 'GET') return json({ value: existing });
    if (request.path.endsWith('/uploadSessions') && request.method === 'POST') return create();
    return json({ error: { code: 'itemNotFound', message: 'unexpected' } }, 404);
  });
}

async function openDialog(fake: ReturnType<typeof graph>) {
  const onOpenSession = vi.fn();
  renderWithGraph(<NewSessionButton {...ids} onOpenSession={onOpenSession} />, fake.client);
  await userEvent.click(screen.getByRole('button', { name: 'New upload session' }));
  const dialog = await screen.findByRole('dialog', { name: 'New upload session' });
  return { dialog, onOpenSession };
}

// Accessible-name queries over Fluent's markup are slow in jsdom.
describe('New upload session', { timeout: 20_000 }, () => {
  it('offers the reviews of this catalog and only the instances whose upload window is open', async () => {
    const fake = graph();
    const { dialog } = await openDialog(fake);
    const select = await within(dialog).findByLabelText(/Access review/);
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Quarterly access review', 'Weekly badge attestation']);
    const open = await within(dialog).findByRole('radio', { name: /Initializing/ });
    expect(open).toBeEnabled();
    // The open one is chosen for you.
    await waitFor(() => expect(open).toBeChecked());
    expect(within(dialog).getByText(/1 h 29 min left to upload|1 h 30 min left to upload/)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: /Applied/ })).toBeDisabled();
    expect(within(dialog).getByRole('radio', { name: /NotStarted/ })).toBeDisabled();
    expect(within(dialog).getByText('Window not open yet: the review has not started')).toBeInTheDocument();
  });

  it('looks for an existing session, then creates one with the exact body', async () => {
    const fake = graph();
    const { dialog, onOpenSession } = await openDialog(fake);
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: /Initializing/ })).toBeChecked());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create session' }));
    await waitFor(() => expect(onOpenSession).toHaveBeenCalledWith({ session: expect.objectContaining({ id: 'ses-new' }), existed: false }));
    const lookup = fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/uploadSessions'));
    expect(lookup.at(-1)?.query).toBe(`?$filter=referenceId eq '${instances[1]?.id}'`);
    const post = fake.requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/identityGovernance/entitlementManagement/catalogs/cat-1/resources/res-1/uploadSessions');
    expect(post?.body).toEqual({
      '@odata.type': '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession',
      data: {
        '@odata.type': '#microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextData',
        reviewDefinitionId: 'def-quarterly',
        reviewInstanceId: instances[1]?.id,
      },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens the session the instance already has instead of creating another', async () => {
    const fake = graph({ existing: [{ ...created, id: 'ses-old', createdDateTime: minutesAgo(20) }] });
    const { dialog, onOpenSession } = await openDialog(fake);
    expect(await within(dialog).findByText(/already has an upload session \(active/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Open session' }));
    await waitFor(() => expect(onOpenSession).toHaveBeenCalledWith({ session: expect.objectContaining({ id: 'ses-old' }), existed: true }));
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it("explains Graph's 409 as the one-session rule, with code and request id", async () => {
    const fake = graph({
      create: () => json({ error: { code: 'conflict', message: 'Exists.', innerError: { 'request-id': 'req-409' } } }, 409),
    });
    const { dialog, onOpenSession } = await openDialog(fake);
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: /Initializing/ })).toBeChecked());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create session' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('A review instance can have only one upload session for this resource');
    expect(alert).toHaveTextContent('HTTP 409 · Code: conflict · Exists. · Request ID: req-409');
    expect(onOpenSession).not.toHaveBeenCalled();
  });

  it('takes pasted IDs, checks that they are GUIDs, and gives the focus back when closed', async () => {
    const fake = graph();
    const { dialog, onOpenSession } = await openDialog(fake);
    await userEvent.click(within(dialog).getByRole('tab', { name: 'Enter IDs' }));
    await userEvent.type(within(dialog).getByLabelText(/Access review ID/), 'def-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create session' }));
    expect(within(dialog).getAllByText(/Enter an object ID like/)).toHaveLength(2);
    expect(onOpenSession).not.toHaveBeenCalled();

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'New upload session' })).toHaveFocus();
  });

  it('shows a reader the button disabled, saying why, even when a link asks for a session', async () => {
    const fake = graph();
    renderWithGraph(
      <NewSessionButton {...ids} access="reader" requested={{ definitionId: 'def-weekly', instanceId: instances[1]!.id }} onOpenSession={vi.fn()} />,
      fake.client,
    );
    const button = screen.getByRole('button', { name: 'New upload session' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.hover(button);
    expect(await screen.findByText(/cannot create upload sessions: only catalog owners can/)).toBeInTheDocument();
    expect(fake.requests).toHaveLength(0);
  });

  it('explains a 403 on create once and does not offer to send it again', async () => {
    const fake = graph({ create: () => json({ error: { code: 'accessDenied', message: 'No.', innerError: { 'request-id': 'req-create-403' } } }, 403) });
    const { dialog } = await openDialog(fake);
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: /Initializing/ })).toBeChecked());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create session' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('only catalog owners (or an Identity Governance Administrator) can make this change');
    expect(alert).toHaveTextContent('Request ID: req-create-403');
    expect(within(dialog).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create session' })).toBeDisabled();
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
