import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FilesTable } from './files-table';

const files = [
  { id: 'f1', name: 'door groups & zones.csv', size: 38_800_000, uploadedDateTime: '2026-11-22T10:00:00Z' },
  { id: 'f2', name: 'badge export building 40.csv', size: 87, uploadedDateTime: '2026-11-22T09:00:00Z' },
];

describe('FilesTable', () => {
  it('shows each file’s name with its upload time beneath (for phones), its size in decimal units, and sorts on click', async () => {
    const onSortChange = vi.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <FilesTable files={files} sort={{ key: 'uploadedDateTime', direction: 'desc' }} onSortChange={onSortChange} updating={false} />
      </FluentProvider>,
    );
    const rows = within(screen.getByRole('table', { name: 'Files' })).getAllByRole('row');
    const cells = within(rows[1]!).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(/^door groups & zones\.csvUploaded Nov 22, 2026/);
    expect(cells[1]).toHaveTextContent('38.8 MB');
    expect(within(cells[1]!).getByTitle('38,800,000 bytes')).toBeInTheDocument();
    expect(within(rows[2]!).getAllByRole('cell')[1]).toHaveTextContent('87 B');
    // Both times are machine-readable, the column's and the stacked one.
    expect(rows[1]!.querySelectorAll('time[datetime="2026-11-22T10:00:00Z"]')).toHaveLength(2);

    await userEvent.click(screen.getByRole('columnheader', { name: 'Name' }));
    expect(onSortChange).toHaveBeenCalledWith({ key: 'name', direction: 'asc' });
  });
});
