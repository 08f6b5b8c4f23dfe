import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UploadSession } from '../../../graph/schemas';
import { fakeGraph, json, renderWithGraph } from '../../../test/graph-test-kit';
import { UploadWindowNotice, windowUrgency } from './upload-window-notice';

const session: UploadSession = { id: 's1', status: 'active', referenceId: 'i1', data: { reviewDefinitionId: 'd1', reviewInstanceId: 'i1' } };

function renderStartedMinutesAgo(minutes: number) {
  const start = new Date(Date.now() - minutes * 60_000).toISOString();
  const { client } = fakeGraph(() => json({ value: [{ id: 'i1', status: 'Initializing', startDateTime: start }] }));
  renderWithGraph(<UploadWindowNotice session={session} />, client);
}

describe('the upload window notice', () => {
  afterEach(() => vi.useRealTimers());

  it('is information with time to spare, a warning under 30 minutes, an error under 10', () => {
    expect([31, 30, 29.9, 10, 9.9, 1].map((minutes) => windowUrgency(minutes * 60_000))).toEqual(['info', 'info', 'warning', 'warning', 'error', 'error']);
  });

  it('says how long is left, and turns from warning to error as the minutes pass', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    // Started 100 minutes ago: 20 minutes of the two-hour window left.
    renderStartedMinutesAgo(100);
    const title = await screen.findByText('Upload window: 20 min left');
    expect(title.closest('[data-urgency]')).toHaveAttribute('data-urgency', 'warning');
    // Eleven minutes later (the notice looks at the clock every 15 s): 9 minutes left.
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    expect((await screen.findByText('Upload window: 9 min left')).closest('[data-urgency]')).toHaveAttribute('data-urgency', 'error');
  });

  it('is plain information with more than half an hour left', async () => {
    renderStartedMinutesAgo(15);
    const title = await screen.findByText(/^Upload window: 1 h 4\d min left$/);
    expect(title.closest('[data-urgency]')).toHaveAttribute('data-urgency', 'info');
  });
});
