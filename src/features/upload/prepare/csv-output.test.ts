import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, excelSafe, excelSafeLine } from './csv-output';

describe('csv output', () => {
  it('quotes only cells with a comma, quote or line break, and ends lines with CRLF', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', ' spaced ', ''])).toBe('plain,"a,b","say ""hi""","two\nlines", spaced ,\r\n');
    expect(csvCell('Zürich; Basel')).toBe('Zürich; Basel');
  });

  it.each(['=1+1', '+41 44', '-2', '@SUM(A1)', '\tx', '\rx'])('escapes %j for Excel', (value) => {
    expect(excelSafe(value)).toBe(`'${value}`);
  });

  it('leaves other cells alone and quotes the escaped ones when they need it', () => {
    expect(excelSafe('Lobby = main')).toBe('Lobby = main');
    expect(excelSafeLine(['=HYPERLINK("x"),y', '7'])).toBe('"\'=HYPERLINK(""x""),y",7\r\n');
  });
});
