import { describe, expect, it } from 'vitest';
import { checkGuidList, isGuid, startsLikeFormula } from './csv-values';

/** What isGuid replaced: the same answers, without the regex. */
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const valid = '8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d';

describe('isGuid', () => {
  const samples = [
    valid,
    valid.toUpperCase(),
    '00000000-0000-0000-0000-000000000000',
    'ABCDEF01-abcd-EF01-aBcD-0123456789af',
    // Hyphens moved, missing or doubled.
    '8d2f6c1e3-b7a-4e59-9c0d-5a1b2e3f4c6d',
    '8d2f6c1e-3b7a4-e59-9c0d-5a1b2e3f4c6d',
    '8d2f6c1e-3b7a-4e59-9c0d5-a1b2e3f4c6d',
    '8d2f6c1e-3b7a-4e599-c0d-5a1b2e3f4c6d',
    '8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c-d',
    '8d2f6c1e33b7a34e5939c0d35a1b2e3f4c6d',
    '------------------------------------',
    // 35 and 37 characters.
    valid.slice(1),
    `${valid}0`,
    `0${valid}`,
    // Not hex: the letters after f, and the characters next to the ranges 0-9, A-F and a-f.
    valid.replace('d', 'g'),
    valid.replace('d', 'G'),
    ...['/', ':', '@', 'G', '`', 'g', ' ', '\u0000', '\u0130', '\uFF41', '\u0660'].map((char) => valid.replace('8', char)),
    ` ${valid.slice(1)}`,
    `${valid.slice(0, -1)}\n`,
    '',
  ];

  it.each(samples)('answers as the regex does for %j', (sample) => {
    expect(isGuid(sample)).toBe(guidPattern.test(sample));
  });

  it('answers as the regex does with every character in every place', () => {
    const chars = [...'0123456789abcdefABCDEF-gG/:@`{ \u00e4\u0100\uFFFD'];
    for (let place = 0; place < valid.length; place++) {
      for (const char of chars) {
        const sample = valid.slice(0, place) + char + valid.slice(place + 1);
        expect(isGuid(sample), sample).toBe(guidPattern.test(sample));
      }
    }
  });
});

/** What checkGuidList did before its fast path for the usual lists: the same answers for every list. */
function checkGuidListSlowly(value: string): string | undefined {
  if (guidPattern.test(value)) return undefined;
  if (!value.includes(',') && value.includes(';')) return 'Separate the object IDs with commas, not semicolons.';
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => entry === '')) return 'The list has an empty entry (a doubled or trailing comma).';
  const wrong = entries.find((entry) => !guidPattern.test(entry));
  if (wrong !== undefined) return `'${wrong.length > 40 ? `${wrong.slice(0, 40)}…` : wrong}' in the list is not an Entra object ID (GUID).`;
  if (new Set(entries.map((entry) => entry.toLowerCase())).size !== entries.length) return 'The list names an owner twice.';
  return undefined;
}

describe('checkGuidList', () => {
  it('answers as the full check does for lists of every shape', () => {
    const guids = [valid, valid.replace('8', '9'), valid.replace('8', 'a'), valid.toUpperCase(), valid.replace('8', 'x'), valid.slice(1)];
    const separators = [',', ', ', ' ,', ',  ', ',\t', ',,', ';', ', ,'];
    // A seeded pick, so a failure repeats.
    let seed = 7;
    const pick = <T,>(list: T[]) => list[(seed = (seed * 48271) % 2147483647) % list.length]!;
    const lists = Array.from({ length: 3000 }, (_, n) => {
      const count = 1 + (n % 20);
      const entries = Array.from({ length: count }, (_, k) => (n % 3 === 0 ? pick(guids) : `${k.toString(16).padStart(8, '0')}${valid.slice(8)}`));
      const joined = entries.reduce((list, entry) => `${list}${pick(n % 2 === 0 ? [','] : separators)}${entry}`);
      return n % 7 === 0 ? ` ${joined}` : n % 11 === 0 ? `${joined},` : joined;
    });
    expect(lists.filter((list) => checkGuidList(list) === undefined).length).toBeGreaterThan(1000);
    for (const list of lists) expect(checkGuidList(list), list).toBe(checkGuidListSlowly(list));
  });

  it('accepts one owner or several, with or without spaces after the commas', () => {
    expect(checkGuidList(valid)).toBeUndefined();
    expect(checkGuidList(`${valid},${valid.replace('8', '9')}, ${valid.replace('8', 'a')}`)).toBeUndefined();
  });

  it('names the entry that is wrong, an empty entry and a repeated owner', () => {
    expect(checkGuidList(`${valid},not-a-guid`)).toBe("'not-a-guid' in the list is not an Entra object ID (GUID).");
    expect(checkGuidList(`${valid},,${valid.replace('8', '9')}`)).toBe('The list has an empty entry (a doubled or trailing comma).');
    expect(checkGuidList(`${valid}, ${valid.toUpperCase()}`)).toBe('The list names an owner twice.');
    expect(checkGuidList(`${valid};${valid.replace('8', '9')}`)).toBe('Separate the object IDs with commas, not semicolons.');
  });
});

describe('startsLikeFormula', () => {
  it.each(['=', '=A1', '+1', '-1', '-cmd', '@x', '\t', '\r\n'])('is true for %j', (value) => expect(startsLikeFormula(value)).toBe(true));
  it.each(['', 'a=1', ' =1', "'=1", '1', 'Ω', '\n', '#', '!'])('is false for %j', (value) => expect(startsLikeFormula(value)).toBe(false));
});
