import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../graph/schemas';
import { fakeGraph, graphError, renderPage } from '../../../test/graph-test-kit';
import { CatalogsTable } from './catalogs-table';

const description = 'Badge and door access for every building, reviewed weekly by the facilities team and their managers.';
const catalogs = [
  { id: 'c1', displayName: 'Building Access', description, state: 'published', catalogType: 'userManaged' },
  { id: 'c2', displayName: 'General', description: null, state: 'unpublished', catalogType: 'serviceDefault' },
] as Catalog[];

describe('CatalogsTable', () => {
  it('shows Graph enum values in words, and the whole description as a tooltip of its clamped text', async () => {
    const { client } = fakeGraph(() => graphError(404, 'itemNotFound', 'unexpected'));
    renderPage(() => <CatalogsTable catalogs={catalogs} recent={new Set(['c2'])} />, client);
    const rows = within(await screen.findByRole('table', { name: 'Catalogs' })).getAllByRole('row');
    const first = within(rows[1]!).getAllByRole('cell');
    expect(first.map((cell) => cell.textContent).slice(2)).toEqual(['Published', 'User managed']);
    expect(within(first[1]!).getByTitle(description)).toHaveTextContent(description);
    const second = within(rows[2]!).getAllByRole('cell');
    expect(second.map((cell) => cell.textContent).slice(2)).toEqual(['Unpublished', 'Service default']);
    expect(second[0]).toHaveTextContent('General');
    expect(second[0]).toHaveTextContent('Recent');
    // The phone layout's line under the name says the same in words.
    expect(first[0]).toHaveTextContent('Published · User managed');
    expect(rows.map((row) => row.textContent).join(' ')).not.toMatch(/userManaged|serviceDefault/);
  });
});
