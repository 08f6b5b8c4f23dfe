import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GraphError } from '../graph/graph-error';
import { ErrorMessage } from './error-message';

const forbidden = new GraphError({
  status: 403,
  code: 'accessDenied',
  message: 'Caller lacks the catalog role.',
  requestId: '5d2c7c0e-req',
  date: '2026-11-22T10:00:00',
});

function renderInFluent(ui: React.ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

describe('ErrorMessage', () => {
  it("shows Graph's code, message and request id, and retries", async () => {
    const onRetry = vi.fn();
    renderInFluent(<ErrorMessage title="Could not load" error={forbidden} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load');
    expect(alert).toHaveTextContent('Caller lacks the catalog role.');
    expect(alert).toHaveTextContent('HTTP 403 · Code: accessDenied');
    expect(alert).toHaveTextContent('Request ID: 5d2c7c0e-req');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('puts the page’s own explanation first and keeps Graph’s message beside the code', () => {
    renderInFluent(<ErrorMessage title="Nope" error={forbidden} explain={() => 'You are not an owner or reader of this catalog.'} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('You are not an owner or reader of this catalog.');
    expect(alert).toHaveTextContent('Code: accessDenied · Caller lacks the catalog role.');
  });

  it('shows a plain error without Graph details', () => {
    renderInFluent(<ErrorMessage title="Sign-in failed" error={new Error('popup blocked')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('popup blocked');
    expect(screen.queryByText(/Request ID/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
