import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { csvFormats } from '../csv/csv-formats';
import { TemplateHelp } from './template-help';

describe('TemplateHelp', () => {
  it('says which layout to choose and why, describes the chosen layout’s columns, and links to Microsoft', async () => {
    render(<TemplateHelp format={csvFormats.entra} />);
    await userEvent.click(screen.getByRole('button', { name: 'Which layout, and what goes in each column' }));
    expect(screen.getByText(/Choose/)).toHaveTextContent('Choose Entra admin center (11 columns) unless your data already follows another');
    const table = screen.getByRole('table', { name: 'Columns of the Entra admin center (11 columns) layout' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.firstChild?.textContent)).toEqual(csvFormats.entra.columns.map((column) => column.name));
    expect(within(table).getByRole('row', { name: /^ScopeId Yes/ })).toHaveTextContent("application or system's own ID");
    expect(within(table).getByRole('row', { name: /^CustomData No/ })).toHaveTextContent('free text shown to reviewers');
    expect(screen.getByRole('link', { name: /custom data provided resources in catalog access reviews/ })).toHaveAttribute(
      'href',
      'https://learn.microsoft.com/entra/id-governance/custom-data-resource-access-reviews',
    );
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });
});
