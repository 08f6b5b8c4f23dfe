import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UploadSession } from '../../../graph/schemas';
import type { CsvValidationResult } from '../csv/validation-result';
import { fakeGraph, json, renderPage } from '../../../test/graph-test-kit';
import { chosenFilesLookupMaxAgeMs } from '../upload-queries';
import { UploadPanel } from './upload-panel';
import { UploadSessionProvider } from './upload-session-provider';

/** The worker does not run in jsdom: each file name gets a prepared result. */
const { validate } = vi.hoisted(() => {
  const results: Record<string, CsvValidationResult> = {
    'good.csv': { verdict: 'valid', issues: [], errorCount: 0, warningCount: 0, rowCount: 12, hasBom: false },
    'bad.csv': {
      verdict: 'invalid',
      issues: [{ severity: 'error', line: 3, column: { index: 1, name: 'PrincipalId' }, message: "'x' is not an Entra object ID." }],
      errorCount: 7,
      warningCount: 0,
      rowCount: 9,
      hasBom: false,
    },
  };
  return { validate: vi.fn((file: File) => ({ result: Promise.resolve(results[file.name]!), cancel: vi.fn() })) };
});
vi.mock('../csv/csv-validation-client', () => ({ createCsvValidationWorker: () => ({ validate, dispose: vi.fn() }) }));

const ids = { catalogId: 'cat-1', resourceId: 'res-1', sessionId: 'ses-1' };
const session = (status = 'active'): UploadSession => ({ id: ids.sessionId, status, stats: { filesUploaded: 1, totalBytesUploaded: 10 } });
const stored = [{ id: 'f1', name: 'good.csv', size: 7, uploadedDateTime: '2026-11-22T10:00:00Z' }];

function setup(current = session()) {
  const fake = fakeGraph(() => json({ ...session(), files: stored }));
  renderPage(
    () => (
      <UploadSessionProvider ids={ids}>
        <UploadPanel session={current} />
      </UploadSessionProvider>
    ),
    fake.client,
  );
  return fake;
}

const user = () => userEvent.setup({ applyAccept: false });
const csv = (name: string) => new File(['a,b\n'], name, { type: 'text/csv' });

describe('upload panel', { timeout: 20_000 }, () => {
  beforeEach(() => {
    validate.mockClear();
  });

  it('checks dropped files and blocks the invalid one, showing its line and column', async () => {
    setup();
    await user().upload(await screen.findByLabelText('CSV files to upload'), [csv('good.csv'), csv('bad.csv')]);
    const checked = await screen.findByRole('list', { name: 'Checked files' });
    const bad = await within(checked).findByRole('listitem', { name: 'bad.csv' });
    await waitFor(() => expect(bad).toHaveTextContent('Invalid: 7 errors in 9 rows. Fix the file before it can be uploaded.'));
    expect(bad).toHaveTextContent("Error, line 3, column 1 (PrincipalId): 'x' is not an Entra object ID.");
    expect(bad).toHaveTextContent('6 more not listed.');
    expect(within(checked).getByRole('listitem', { name: 'good.csv' })).toHaveTextContent('Valid: 12 rows');
    expect(screen.getByRole('button', { name: 'Upload 1 file' })).toBeEnabled();
    // The live region says the verdicts, and where the first error of the invalid file is.
    expect(screen.getByRole('status')).toHaveTextContent(
      "good.csv: Valid: 12 rows. bad.csv: Invalid: 7 errors. First error, line 3, column 1 (PrincipalId): 'x' is not an Entra object ID.",
    );
    expect(validate).toHaveBeenCalledWith(expect.objectContaining({ name: 'good.csv' }), 'entra', expect.any(Function));
  });

  it('asks before uploading a file whose name is already in the session', async () => {
    const { requests } = setup();
    await user().upload(await screen.findByLabelText('CSV files to upload'), [csv('good.csv')]);
    await userEvent.click(await screen.findByRole('button', { name: 'Upload 1 file' }));
    const dialog = await screen.findByRole('dialog', { name: 'This file is already in the session' });
    expect(within(dialog).getByRole('listitem')).toHaveTextContent('good.csv');
    // The names were read from Graph just now, not from an old page.
    expect(requests.at(-1)?.query).toBe('?$expand=files($orderby=name asc)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Skip it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Fluent hands the page back to assistive technology a moment after the dialog closes.
    const checked = await screen.findByRole('list', { name: 'Checked files' });
    expect(within(checked).getByRole('listitem', { name: 'good.csv' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Uploads' })).not.toBeInTheDocument();
  });

  it('reads the session files while the chosen files are checked, and again at the click only once that answer is old', async () => {
    // Only Date moves: TanStack Query ages its answers by it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { requests } = setup();
      const filesRequests = () => requests.filter((request) => request.query === '?$expand=files($orderby=name asc)').length;
      await user().upload(await screen.findByLabelText('CSV files to upload'), [csv('good.csv')]);
      await waitFor(() => expect(filesRequests()).toBe(1));
      await userEvent.click(await screen.findByRole('button', { name: 'Upload 1 file' }));
      // The answer read while checking decides: the dialog, and no second request.
      const dialog = await screen.findByRole('dialog', { name: 'This file is already in the session' });
      expect(filesRequests()).toBe(1);
      await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

      vi.setSystemTime(Date.now() + chosenFilesLookupMaxAgeMs + 1);
      // Fluent hands the page back to assistive technology a moment after the dialog closes.
      await userEvent.click(await screen.findByRole('button', { name: 'Upload 1 file' }));
      await screen.findByRole('dialog', { name: 'This file is already in the session' });
      expect(filesRequests()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('checks every file again when the format changes', async () => {
    setup();
    await user().upload(await screen.findByLabelText('CSV files to upload'), [csv('good.csv')]);
    await screen.findByText('Valid: 12 rows');
    await userEvent.selectOptions(screen.getByLabelText('CSV format'), 'graphV1');
    await waitFor(() => expect(validate).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'good.csv' }), 'graphV1', expect.any(Function)));
  });

  it('downloads the header and example row of the chosen format as a template', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:template';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    setup();
    await userEvent.selectOptions(await screen.findByLabelText('CSV format'), 'graphV1');
    await userEvent.click(screen.getByRole('button', { name: 'Download template' }));
    expect(click).toHaveBeenCalled();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]!);
    });
    const [header, example, end] = text.split('\r\n');
    expect(header).toBe('principalId,principalType,permissionId,permissionName,permissionDescription,permissionType');
    expect(example?.split(',')).toHaveLength(6);
    expect(example).toContain(',user,');
    expect(end).toBe('');
  });

  it('offers nothing to upload on a completed session', async () => {
    setup(session('complete'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { name: 'Upload files' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Drop CSV files here, or browse' })).not.toBeInTheDocument();
    expect(document.querySelector('input[type=file]')).toBeNull();
  });
});
