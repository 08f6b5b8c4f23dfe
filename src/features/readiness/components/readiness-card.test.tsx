import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeGraph, never, renderPage } from '../../../test/graph-test-kit';
import type { CreateAccess } from '../../../graph/catalog-roles';
import type { ReadinessRow } from '../readiness';
import { ReadinessCard } from './readiness-card';

const now = Date.parse('2026-11-22T12:00:00Z');
const row: ReadinessRow = {
  catalogId: 'c1',
  definition: { id: 'd1', displayName: 'Quarterly review' },
  instance: { id: 'i1', status: 'Initializing', startDateTime: new Date(now - 15 * 60_000).toISOString() },
  phase: { kind: 'open', closesAt: now + 105 * 60_000, remainingMs: 105 * 60_000, urgent: false },
  cells: [{ resource: { id: 'r1', displayName: 'Badge Access Data' }, state: { kind: 'none' } }],
};

async function renderCard(createAccess: CreateAccess) {
  renderPage(() => <ReadinessCard row={row} now={now} headingLevel="h3" createAccess={createAccess} />, fakeGraph(never).client);
  return within(await screen.findByRole('listitem'));
}

describe('ReadinessCard, a resource without a session in an open window', () => {
  it('offers "Create session" when the person may create one', async () => {
    expect((await renderCard('allowed')).getByRole('link', { name: 'Create session' })).toBeVisible();
  });

  it('tells a catalog reader they cannot create one, instead of the link', async () => {
    const cell = await renderCard('reader');
    expect(cell.getByText("Catalog readers can't create sessions")).toBeVisible();
    expect(cell.queryByRole('link')).toBeNull();
  });

  it('offers nothing while the role is being checked', async () => {
    const cell = await renderCard('checking');
    expect(cell.getByText('No session')).toBeVisible();
    expect(cell.queryByRole('link')).toBeNull();
    expect(cell.queryByText(/Catalog readers/)).toBeNull();
  });
});
