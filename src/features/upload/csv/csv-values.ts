/** Checks for single CSV values. Each returns a problem in plain words, or undefined when the value is fine. */
import { isGuid, isGuidAt } from '../../../graph/object-id';

export { isGuid };

const upnPattern = /^[^\s@"]+@[^\s@"]+\.[^\s@"]+$/;

/** Where each entry of a list begins, for the fast check of the usual lists; longer lists take the slow way. */
const entryStarts = new Int32Array(16);

/**
 * Whether the value is a list of different GUIDs joined by "," or ", ", as exports write them: checked in place,
 * without the split, trims, lower-casing and Set of the full check, which would accept it too.
 */
function isPlainGuidList(value: string): boolean {
  for (let count = 0, start = 0; count < entryStarts.length; count++) {
    if (count > 0 && value.charCodeAt(start) === 0x20) start++;
    if (!isGuidAt(value, start)) return false;
    for (let earlier = 0; earlier < count; earlier++) if (sameGuidAt(value, entryStarts[earlier]!, start)) return false;
    entryStarts[count] = start;
    start += 36;
    if (start === value.length) return true;
    if (value.charCodeAt(start) !== 0x2c) return false;
    start++;
  }
  return false;
}

/** Two GUIDs in one value, regardless of case (| 0x20 lower-cases A-F and leaves digits and hyphens alone). */
function sameGuidAt(value: string, a: number, b: number): boolean {
  for (let i = 0; i < 36; i++) if ((value.charCodeAt(a + i) | 0x20) !== (value.charCodeAt(b + i) | 0x20)) return false;
  return true;
}

/** First characters that make Excel (and other spreadsheets) read a cell as a formula: = + - @, tab, CR. */
const formulaFirst = new Uint8Array(0x41);
for (const char of '=+-@\t\r') formulaFirst[char.charCodeAt(0)] = 1;

/**
 * Whether a cell starts the way a spreadsheet formula does (formula injection when the data is opened in Excel):
 * one look at its first character, as it runs for every cell. `-` counts even before digits: a negative number is
 * not a value any layout column expects, and one rule is easier to trust than exceptions (docs/graph-contract.md §5.3).
 */
export function startsLikeFormula(value: string): boolean {
  const code = value.charCodeAt(0);
  return code <= 0x40 && formulaFirst[code] === 1;
}

const shown = (value: string) => `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;

export function checkGuid(value: string): string | undefined {
  if (isGuid(value)) return undefined;
  if (isGuid(value.trim())) return `${shown(value)} has spaces around the object ID.`;
  return `${shown(value)} is not an Entra object ID (a GUID like 8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d).`;
}

export function checkUserReference(value: string): string | undefined {
  if (isGuid(value) || upnPattern.test(value)) return undefined;
  return `${shown(value)} is neither an Entra object ID nor a user principal name (like megan@contoso.com).`;
}

/** Owners as Entra object IDs separated by commas (inside one quoted CSV cell). */
export function checkGuidList(value: string): string | undefined {
  if (isPlainGuidList(value)) return undefined;
  if (!value.includes(',') && value.includes(';')) return 'Separate the object IDs with commas, not semicolons.';
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => entry === '')) return 'The list has an empty entry (a doubled or trailing comma).';
  const wrong = entries.find((entry) => !isGuid(entry));
  if (wrong !== undefined) return `${shown(wrong)} in the list is not an Entra object ID (GUID).`;
  if (new Set(entries.map((entry) => entry.toLowerCase())).size !== entries.length) return 'The list names an owner twice.';
  return undefined;
}

/** Legacy beta owners: a JSON list of UPNs or object IDs, like ["admin@contoso.com"]. */
export function checkJsonOwnerList(value: string): string | undefined {
  const expected = 'Write the owners as a list like ["admin@contoso.com"].';
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return `${shown(value)} is not a list of owners. ${expected}`;
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return `${shown(value)} is not a list of owners. ${expected}`;
  const wrong = parsed.find((entry) => typeof entry !== 'string' || checkUserReference(entry) !== undefined);
  if (wrong !== undefined) return `${shown(String(wrong))} in the list is neither a user principal name nor an object ID.`;
  return undefined;
}

/** A 53-bit hash (cyrb53) of a row, so repeated rows are found without keeping every row in memory. */
export function hashRow(fields: readonly string[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const code = field.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    // A separator that cannot be confused with cell content: ["a,b"] and ["a","b"] must differ.
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
