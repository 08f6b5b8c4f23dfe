import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pageTitle, usePageTitle } from './use-page-title';

describe('usePageTitle', () => {
  it('leads with the count only when something waits', () => {
    expect(pageTitle('Building Access', 2)).toBe('(2) Building Access — Catalog Upload Console');
    expect(pageTitle('Building Access', 0)).toBe('Building Access — Catalog Upload Console');
    expect(pageTitle(undefined)).toBe('Catalog Upload Console');
  });

  it('sets the title while mounted, follows changes, and restores the app name afterwards', () => {
    const { rerender, unmount } = renderHook(({ count }) => usePageTitle('Catalogs', count), { initialProps: { count: 1 } });
    expect(document.title).toBe('(1) Catalogs — Catalog Upload Console');
    rerender({ count: 3 });
    expect(document.title).toBe('(3) Catalogs — Catalog Upload Console');
    unmount();
    expect(document.title).toBe('Catalog Upload Console');
  });
});
