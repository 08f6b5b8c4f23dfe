import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveMessage, useAnnouncerStore, type Announcer } from './live-message';

/** Tells `rendered` after each of its renders. */
function Panel({ rendered }: { rendered: (announcer: Announcer) => void }) {
  const announcer = useAnnouncerStore();
  useEffect(() => rendered(announcer));
  return <LiveMessage announcer={announcer} />;
}

describe('LiveMessage', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads messages said together, empties five seconds after the last, and leaves the announcing component alone', () => {
    const rendered = vi.fn<(announcer: Announcer) => void>();
    render(<Panel rendered={rendered} />);
    const before = rendered.mock.calls.length;
    const announcer = rendered.mock.calls[0]?.[0];
    act(() => announcer?.announce('a.csv uploaded.'));
    act(() => vi.advanceTimersByTime(4000));
    act(() => announcer?.announce('All 2 files uploaded.'));
    expect(screen.getByRole('status')).toHaveTextContent('a.csv uploaded. All 2 files uploaded.');
    act(() => vi.advanceTimersByTime(4999));
    expect(screen.getByRole('status')).toHaveTextContent('a.csv uploaded. All 2 files uploaded.');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(rendered).toHaveBeenCalledTimes(before);
  });
});
