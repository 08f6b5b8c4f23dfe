/**
 * Permission ids for exports that have none: a name-based UUID (version 5, RFC 9562 §5.5) of the value, under the
 * console's own namespace. The same name gives the same id on every run, machine and browser, so the weekly upload of
 * the same export keeps the same ids and a review's decisions stay with their permission (docs/architecture.md,
 * "Preparing data"). SHA-1 comes from Web Crypto, never a hand-written hash.
 */

/** The console's namespace for derived ids. Never change it: every id derived so far would change with it. */
export const permissionIdNamespace = '27546f2c-d4f5-471d-b049-654c51d9a5de';

const encoder = new TextEncoder();

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replaceAll('-', '');
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The version 5 UUID of `name` (its UTF-8 bytes, exactly as given) under `namespace`. */
export async function uuidV5(name: string, namespace = permissionIdNamespace): Promise<string> {
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(16 + nameBytes.byteLength);
  input.set(uuidBytes(namespace));
  input.set(nameBytes, 16);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input));
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return formatUuid(hash);
}

/** A copy of a string that shares no memory with the text it was cut from. */
export const detached = (value: string): string => JSON.parse(JSON.stringify(value)) as string;

/** Values derived at once before the rows that need them are mapped; about 100 bytes each. */
const maxCached = 200_000;

/**
 * Derived ids for the values of a stream of rows: `prime` the values of a batch (async, once per new value), then
 * `get` them synchronously while mapping its rows. Exports repeat the same few permissions on many rows.
 */
export class PermissionIdDeriver {
  private readonly ids = new Map<string, string>();

  async prime(values: Iterable<string>): Promise<void> {
    let missing: Set<string> | undefined;
    for (const value of values) {
      if (value === '' || this.ids.has(value)) continue;
      // A copy, not the value itself: a cell is a slice of its whole chunk of the file, which it would keep alive.
      (missing ??= new Set()).add(detached(value));
    }
    if (!missing) return;
    await this.derive([...missing]);
  }

  private async derive(missing: string[]) {
    if (this.ids.size + missing.length > maxCached) this.ids.clear();
    const derived = await Promise.all(missing.map((value) => uuidV5(value)));
    missing.forEach((value, index) => this.ids.set(value, derived[index]!));
  }

  /** Whether the trimmed values of `fields` at `sources` all have their ids (or are empty): the row needs no prime. */
  hasAll(fields: readonly string[], sources: readonly number[]): boolean {
    for (const index of sources) {
      const value = (fields[index] ?? '').trim();
      if (value !== '' && !this.ids.has(value)) return false;
    }
    return true;
  }

  /** The id of a primed value; an empty value has none. */
  get(value: string): string {
    if (value === '') return '';
    const id = this.ids.get(value);
    if (id === undefined) throw new Error(`No id was derived for '${value}': prime the batch first.`);
    return id;
  }
}
