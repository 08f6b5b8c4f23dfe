import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DisplayName } from './display-name';

const renderName = (name: string) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <p data-testid="name">
        <DisplayName name={name} />
      </p>
    </FluentProvider>,
  );

describe('DisplayName', () => {
  it('shows a plain name as it is, isolated, without a warning', () => {
    renderName('Badge export.csv');
    expect(screen.getByTestId('name').textContent).toBe('Badge export.csv');
    expect(screen.getByTestId('name').querySelector('bdi')).not.toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('shows a right-to-left override as its code, never as the character, with a warning that names it', () => {
    renderName('salary\u202Eslx.csv');
    const shown = screen.getByTestId('name').textContent ?? '';
    expect(shown).toBe('salary<U+202E>slx.csv');
    expect(shown).not.toContain('\u202E');
    const warning = screen.getByRole('img', { name: 'Warning: direction-changing characters' });
    expect(warning).toHaveAccessibleDescription(/U\+202E \(right-to-left override\)/);
  });
});
