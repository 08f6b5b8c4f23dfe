import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { rescueFocusToPageHeading } from './focus-rescue';
import { PageHeader } from './page-header';

/** Two pages, the first with a link-like button to the second: following it removes the focused button. */
function FirstPage({ onNext }: { onNext: () => void }) {
  return (
    <>
      <PageHeader title="First page" />
      <button onClick={onNext}>Go to the second page</button>
    </>
  );
}

const SecondPage = () => <PageHeader title="Second page" actions={<button>Refresh</button>} />;

function TwoPages() {
  const [page, setPage] = useState(1);
  return page === 1 ? <FirstPage onNext={() => setPage(2)} /> : <SecondPage />;
}

/** A page whose action goes away once used, like "Finalize session". */
function VanishingAction() {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    if (!shown) rescueFocusToPageHeading();
  }, [shown]);
  return (
    <>
      <PageHeader title="Session" actions={shown && <button onClick={() => setShown(false)}>Finalize</button>} />
      <button>Elsewhere</button>
    </>
  );
}

// In this order: the focus tracking is the module's, and starts with the first page header.
describe('page header focus', () => {
  it('leaves the focus alone on a page that just loaded', () => {
    render(<PageHeader title="Catalogs" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Catalogs' })).not.toHaveFocus();
    expect(document.activeElement).toBe(document.body);
  });

  it('puts the focus on the heading of the page that a focused control led to', async () => {
    render(<TwoPages />);
    await userEvent.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'Go to the second page' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: 'Second page' })).toHaveFocus();
    // The heading is not a tab stop of its own: Tab goes on to the page's controls.
    await userEvent.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'Refresh' })).toHaveFocus();
  });

  it('hands the focus of a control that went away to the heading, and leaves a focus that is somewhere', async () => {
    render(<VanishingAction />);
    await userEvent.click(screen.getByRole('button', { name: 'Finalize' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Session' })).toHaveFocus();

    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    rescueFocusToPageHeading();
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });
});
