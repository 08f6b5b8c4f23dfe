import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeGraph, graphError, json, renderPage } from '../../../test/graph-test-kit';
import { CatalogPage } from './catalog-page';

describe('CatalogPage', { timeout: 20_000 }, () => {
  it('explains a 403 kindly, once, with the code and request id, without a retry, and says No access', async () => {
    const { client } = fakeGraph(() => graphError(403, 'accessDenied', 'req-cat-403'));
    renderPage(() => <CatalogPage catalogId="cat-1" />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You are not an owner or reader of this catalog');
    expect(alert).toHaveTextContent('Request ID: req-cat-403');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.getByText('No access')).toBeInTheDocument();
    expect(document.title).toBe('No access — Catalog Upload Console');
  });

  it('shows the role beside the catalog name', async () => {
    const answer = (url: string) => (/\/catalogs\/cat-1(\?|$)/.test(url) ? { id: 'cat-1', displayName: 'Building Access' } : { value: [] });
    // The catalog and its resources are read together, in one $batch.
    const { client } = fakeGraph(({ path, body }) =>
      path === '/$batch'
        ? json({ responses: (body as { requests: { id: string; url: string }[] }).requests.map(({ id, url }) => ({ id, status: 200, body: answer(url) })) })
        : json(answer(path)),
    );
    renderPage(() => <CatalogPage catalogId="cat-1" access="owner" />, client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Building Access' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Your role on this catalog:').parentElement).toHaveTextContent('Your role on this catalog: Owner'));
  });
});
