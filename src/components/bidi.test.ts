import { describe, expect, it } from 'vitest';
import { escapeBidi, hasBidiControls, splitBidi } from './bidi';

describe('bidi controls in names', () => {
  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'])('finds %j', (char) => {
    expect(hasBidiControls(`a${char}b`)).toBe(true);
  });

  it.each(['plain.csv', 'Zürich HQ.csv', 'מסמך.csv', 'تقرير.csv', '\u200D joiner', '\u2029'])('leaves %j alone', (text) => {
    expect(hasBidiControls(text)).toBe(false);
    expect(escapeBidi(text)).toBe(text);
    expect(splitBidi(text)).toEqual([text]);
  });

  it('writes each one as its code, so the name reads in the order it is stored', () => {
    expect(escapeBidi('salary\u202Eslx.csv')).toBe('salary<U+202E>slx.csv');
    expect(escapeBidi('\u2067a\u2069\u061C')).toBe('<U+2067>a<U+2069><U+061C>');
    expect(splitBidi('salary\u202Eslx.csv')).toEqual(['salary', { code: 'U+202E' }, 'slx.csv']);
    expect(splitBidi('\u202E\u202E')).toEqual([{ code: 'U+202E' }, { code: 'U+202E' }]);
    expect(splitBidi('')).toEqual(['']);
  });
});
