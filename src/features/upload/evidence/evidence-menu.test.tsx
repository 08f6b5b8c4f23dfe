import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeGraph, graphError, json, renderWithGraph } from '../../../test/graph-test-kit';
import { EvidenceMenu } from './evidence-menu';

vi.mock('@azure/msal-react', () => ({
  useMsal: () => ({ instance: { getActiveAccount: () => ({ homeAccountId: 'acc-1', username: 'megan@contoso.example' }) } }),
}));
const downloaded = vi.hoisted(() => [] as File[]);
vi.mock('../prepare/download-file', () => ({ downloadFile: (file: File) => downloaded.push(file) }));

/** jsdom's File has no text(): read it the old way. */
const textOf = (file: File) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(file);
  });

const ids = { catalogId: 'cat-1', resourceId: 'res-1', sessionId: 'sess-1' };
const session = {
  id: 'sess-1',
  status: 'active',
  data: { reviewDefinitionId: 'def-1', reviewInstanceId: 'inst-1' },
  files: [{ id: 'f-1', name: '=calc.csv', size: 12, uploadedDateTime: '2026-11-30T10:00:00Z' }],
};

/** What Graph holds, by path: direct reads and the inner requests of a JSON batch (src/graph/batch.ts) alike. */
function answerOf(path: string): { status: number; body: unknown } {
  if (path.includes('/resources/res-1')) return { status: 200, body: { id: 'res-1', displayName: 'Badge Access Data' } };
  if (path.endsWith('/catalogs/cat-1')) return { status: 200, body: { id: 'cat-1', displayName: 'Building Access' } };
  if (path.includes('/definitions/def-1/instances')) return { status: 200, body: { value: [{ id: 'inst-1', status: 'InProgress' }] } };
  if (path.includes('/definitions')) return { status: 200, body: { value: [{ id: 'def-1', displayName: 'Weekly badge attestation' }] } };
  return { status: 404, body: { error: { code: 'itemNotFound', message: path } } };
}

function graph(filesAnswer: () => Response) {
  return fakeGraph(({ path, body }) => {
    if (path.endsWith('/$batch')) {
      const { requests } = body as { requests: { id: string; url: string }[] };
      return json({ responses: requests.map((request) => ({ id: request.id, headers: {}, ...answerOf(request.url.split('?')[0]!) })) });
    }
    if (path.endsWith('/uploadSessions/sess-1')) return filesAnswer();
    const { status, body: answer } = answerOf(path);
    return json(answer, status);
  });
}

describe('EvidenceMenu', () => {
  it('downloads the CSV gathered from Graph when asked, a file from elsewhere with its hash blank', async () => {
    const { client, requests } = graph(() => json(session));
    renderWithGraph(<EvidenceMenu ids={ids} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Download evidence' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /CSV/ }));
    await waitFor(() => expect(downloaded).toHaveLength(1));
    const file = downloaded[0]!;
    expect(file.name).toBe('evidence-sess-1.csv');
    const lines = (await textOf(file)).split('\r\n');
    expect(lines[1]).toBe("cat-1,Building Access,res-1,Badge Access Data,def-1,Weekly badge attestation,inst-1,sess-1,active,'=calc.csv,12,,,,2026-11-30T10:00:00Z,,,,Graph only");
    expect(requests.find((request) => request.path.endsWith('/uploadSessions/sess-1'))?.query).toContain('$expand=files');
  });

  it("says when the evidence cannot be gathered, with Graph's code and request id, and nothing is downloaded", async () => {
    downloaded.length = 0;
    const { client } = graph(() => graphError(403, 'accessDenied', 'req-403'));
    renderWithGraph(<EvidenceMenu ids={ids} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Download evidence' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /JSON/ }));
    const dialog = await screen.findByRole('dialog', { name: 'The evidence could not be gathered' });
    expect(dialog).toHaveTextContent('HTTP 403 · Code: accessDenied');
    expect(dialog).toHaveTextContent('Request ID: req-403');
    expect(downloaded).toHaveLength(0);
  });
});
