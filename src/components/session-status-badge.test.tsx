import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionStatusBadge } from './session-status-badge';

const renderBadge = (status: string | undefined) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <SessionStatusBadge status={status} />
    </FluentProvider>,
  );

describe('SessionStatusBadge', () => {
  it.each([
    ['active', 'Active'],
    ['complete', 'Complete'],
    ['expired', 'Expired'],
    ['Active', 'Active'],
    ['Complete', 'Complete'],
  ])('names the known status %s', (status, label) => {
    renderBadge(status);
    expect(screen.getByText(label)).not.toHaveAttribute('title');
  });

  it.each([
    ['unknownFutureValue', 'Unknown'],
    ['archived', 'archived'],
    ['toString', 'toString'],
    [undefined, 'Unknown'],
  ])('shows %s neutrally, as sent', (status, label) => {
    renderBadge(status);
    expect(screen.getByText(label)).toHaveAttribute('title', `Status not recognised by this console: ${status ?? 'none'}`);
  });
});
