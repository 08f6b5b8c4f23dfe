/**
 * Characters that change the direction of text without being seen: the embeddings and overrides (U+202A to U+202E),
 * the isolates (U+2066 to U+2069), the marks (U+200E, U+200F) and the Arabic letter mark (U+061C). A name holding
 * them can display as another (`salary\u202Eslx.csv` looks like `salaryvsc.xls`), so names show them as codes.
 */
export const bidiControlNames: Record<string, string> = {
  'U+202A': 'left-to-right embedding',
  'U+202B': 'right-to-left embedding',
  'U+202C': 'pop directional formatting',
  'U+202D': 'left-to-right override',
  'U+202E': 'right-to-left override',
  'U+2066': 'left-to-right isolate',
  'U+2067': 'right-to-left isolate',
  'U+2068': 'first strong isolate',
  'U+2069': 'pop directional isolate',
  'U+200E': 'left-to-right mark',
  'U+200F': 'right-to-left mark',
  'U+061C': 'Arabic letter mark',
};

const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

const codeOf = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export const hasBidiControls = (text: string) => text.search(bidiControls) >= 0;

/** The text in pieces: plain runs, and each direction control as its code ("U+202E"). */
export function splitBidi(text: string): (string | { code: string })[] {
  const parts: (string | { code: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(bidiControls)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ code: codeOf(match[0]) });
    last = match.index + 1;
  }
  if (last < text.length || parts.length === 0) parts.push(text.slice(last));
  return parts;
}

/** The text with each direction control written as `<U+202E>`: for plain text (titles, messages, announcements). */
export const escapeBidi = (text: string) => text.replace(bidiControls, (char) => `<${codeOf(char)}>`);
