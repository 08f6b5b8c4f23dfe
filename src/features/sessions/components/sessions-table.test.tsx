import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UploadSession } from '../../../graph/schemas';
import { fakeGraph, graphError, renderPage } from '../../../test/graph-test-kit';
import type { ReviewInstanceName } from '../review-instance-names';
import { SessionsTable } from './sessions-table';

const instanceId = '6c20d31b-7797-4ebc-ad1d-c59e39910849';

const sessions = [
  {
    id: 's1',
    status: 'active',
    createdDateTime: '2026-11-22T09:55:00Z',
    isUploadDone: false,
    referenceId: instanceId,
    stats: { filesUploaded: 4, totalBytesUploaded: 1_230_000 },
  },
  { id: 's2', status: 'complete', createdDateTime: '2026-11-20T09:55:00Z', isUploadDone: true, referenceId: 'unnamed-instance', stats: { filesUploaded: 1, totalBytesUploaded: 87 } },
] as UploadSession[];

const names = new Map<string, ReviewInstanceName>([
  [instanceId, { instanceId, definitionId: 'd1', reviewName: 'Weekly badge attestation', startDateTime: '2026-11-22T08:00:00Z', instanceNumber: 3 }],
]);

function renderTable() {
  const { client } = fakeGraph(() => graphError(404, 'itemNotFound', 'unexpected'));
  renderPage(
    () => (
      <SessionsTable catalogId="c1" resourceId="r1" sessions={sessions} reviewNames={names} sort="desc" onSortChange={() => {}} updating={false} />
    ),
    client,
  );
}

describe('SessionsTable', () => {
  it('names the review in plain words with its instance beneath, and keeps the GUID to a tooltip', async () => {
    renderTable();
    const rows = within(await screen.findByRole('table', { name: 'Upload sessions' })).getAllByRole('row');
    const reviewCell = within(rows[1]!).getAllByRole('cell')[2]!;
    expect(reviewCell).toHaveTextContent(/^Weekly badge attestationInstance 3 · started Nov 22, 2026$/);
    expect(reviewCell).not.toHaveTextContent(instanceId);
    expect(within(reviewCell).getByTitle(instanceId)).toBeInTheDocument();
    // An instance without a name still shows its id, the only thing known about it.
    expect(within(rows[2]!).getAllByRole('cell')[2]).toHaveTextContent('unnamed-instance');
  });

  it('carries the review and the figures under the date too, for the phone layout that hides their columns', async () => {
    renderTable();
    const rows = within(await screen.findByRole('table', { name: 'Upload sessions' })).getAllByRole('row');
    const createdCell = within(rows[1]!).getAllByRole('cell')[1]!;
    expect(within(createdCell).getByRole('link')).toHaveTextContent('Nov 22, 2026');
    expect(createdCell).toHaveTextContent('Weekly badge attestation');
    expect(createdCell).toHaveTextContent('4 files · 1.23 MB · not finalized');
    expect(within(rows[2]!).getAllByRole('cell')[1]).toHaveTextContent('1 file · 87 B · finalized');
  });
});
