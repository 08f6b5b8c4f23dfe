import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { trackFocus } from './focus-rescue';
import { PageHeader } from './page-header';
import { useFocusAfterRemoval } from './use-focus-after-removal';

function Files({ initial }: { initial: string[] }) {
  const [names, setNames] = useState(initial);
  const { listRef, removing } = useFocusAfterRemoval<HTMLUListElement>(names.length, 'button');
  return (
    <>
      <PageHeader title="Files" />
      {names.length > 0 && (
        <ul ref={listRef}>
          {names.map((name, index) => (
            <li key={name}>
              <button
                onClick={() => {
                  removing(index);
                  setNames(names.filter((other) => other !== name));
                }}
              >
                Remove {name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

describe('useFocusAfterRemoval', () => {
  trackFocus();

  it('hands the focus to the row that took the removed one’s place, then the last row, then the heading', async () => {
    render(<Files initial={['a.csv', 'b.csv', 'c.csv']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove b.csv' }));
    expect(screen.getByRole('button', { name: 'Remove c.csv' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Remove a.csv' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: 'Files' })).toHaveFocus();
  });
});
