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

  it('shows the client-request-id and the time of a request that got no answer', () => {
    const lost = new GraphError({ status: 0, code: 'networkError', message: 'Microsoft Graph could not be reached.', clientRequestId: 'crid-7', date: 'Wed, 02 Dec 2026 04:05:06 GMT' });
    renderInFluent(<ErrorMessage title="Could not load" error={lost} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Code: networkError · Client request ID: crid-7 · Time: Wed, 02 Dec 2026 04:05:06 GMT');
    expect(alert).not.toHaveTextContent('HTTP 0');
  });

  it('shows the facts of a failure that is not Graph’s in the same shape', () => {
    const facts = { code: 'AADSTS50058', ids: [{ label: 'Trace ID', value: 't-1' }], time: '2026-12-02 04:05:06Z' };
    renderInFluent(<ErrorMessage title="Sign-in failed" error={new Error('No session.')} facts={facts} />);
    expect(screen.getByRole('alert')).toHaveTextContent('No session.Code: AADSTS50058 · Trace ID: t-1 · Time: 2026-12-02 04:05:06Z');
  });

  it('shows a plain error without Graph details', () => {
    renderInFluent(<ErrorMessage title="Sign-in failed" error={new Error('popup blocked')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('popup blocked');
    expect(screen.queryByText(/Request ID/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
