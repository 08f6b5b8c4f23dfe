import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UploadSession } from '../../../graph/schemas';
import { SessionStats } from './session-stats';

const session = (filesUploaded: number, totalBytesUploaded: number) =>
  ({ id: 's1', status: 'active', stats: { filesUploaded, totalBytesUploaded } }) as UploadSession;

const renderStats = (stats: UploadSession, sizes?: number[]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <SessionStats session={stats} sizes={sizes} filtered={false} />
    </FluentProvider>,
  );

describe('SessionStats', () => {
  it('says in one line that an empty session has nothing to count, with no "0 B" figures', () => {
    renderStats(session(0, 0), []);
    const group = screen.getByRole('group', { name: 'Session statistics' });
    expect(group).toHaveTextContent(/^No files uploaded yet/);
    expect(group).not.toHaveTextContent('0 B');
    expect(within(group).queryByRole('img')).toBeNull();
  });

  it('shows the figures, and a size chart whose axes are labelled with counts and size bounds', () => {
    const sizes = [500, 800, 2_000, 3_000, 4_000, 250_000];
    renderStats(session(6, 260_300), sizes);
    const group = screen.getByRole('group', { name: 'Session statistics' });
    expect(group).toHaveTextContent('Files uploaded6');
    expect(group).toHaveTextContent('Total size260.3 kB');
    const chart = within(group).getByRole('img', { name: /^File sizes of 6 files\. < 1 kB: 2; 1 kB–10 kB: 3; 10 kB–100 kB: 0; 100 kB–1 MB: 1\.$/ });
    const texts = [...chart.querySelectorAll('text')].map((text) => text.textContent);
    // The vertical axis: 0 and the largest count (3, odd, so no middle tick); its title.
    expect(texts).toEqual(expect.arrayContaining(['0', '3', 'Files', 'File size']));
    // The horizontal axis: each bucket's lower bound, then the last one's upper bound.
    expect(texts).toEqual(expect.arrayContaining(['0 B', '1 kB', '10 kB', '100 kB', '1 MB']));
    // Empty buckets get no count label of their own: exactly one "0" (the axis).
    expect(texts.filter((text) => text === '0')).toHaveLength(1);
  });

  it('leaves the chart out for a handful of files, where the table is the overview', () => {
    renderStats(session(3, 3_000), [1_000, 1_000, 1_000]);
    expect(screen.getByRole('group', { name: 'Session statistics' })).toHaveTextContent('Files uploaded3');
    expect(screen.queryByRole('img')).toBeNull();
  });
});
