/**
 * When a file in a session is "the same file" as one the owner chose: the one rule for duplicates, reconciliation
 * after a lost answer and the finalize warning. Graph keeps a file's name as the browser sent it in the multipart body,
 * and browsers percent-encode `"`, CR and LF in multipart file names (HTML standard; docs/graph-contract.md §2.6), so
 * `q"uote.csv` is stored as `q%22uote.csv`. Same name (as sent, or as stored) and same size is the same file.
 */
export function nameAsStored(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The names a chosen file may have in the session: as chosen, and as the browser sends it. */
export function namesInSession(name: string): string[] {
  const stored = nameAsStored(name);
  return stored === name ? [name] : [name, stored];
}

interface NamedFile {
  name: string;
  size: number;
}

export function isSameFile(chosen: NamedFile, stored: NamedFile): boolean {
  return stored.size === chosen.size && namesInSession(chosen.name).includes(stored.name);
}

/** How many of the session's files are this chosen file. */
export const copiesInSession = (chosen: NamedFile, stored: readonly NamedFile[]) =>
  stored.filter((file) => isSameFile(chosen, file)).length;

/**
 * What `localeCompare(…, undefined, { sensitivity: 'accent' })` would resolve on every call, once: the Upload click
 * compares each chosen name with every name in the session and the queue (bench/README.md, issue 15).
 */
const sameNameCollator = new Intl.Collator(undefined, { sensitivity: 'accent' });

/**
 * Names that people would take for the same file (case and width aside, accents count), to ask before uploading
 * "again". Looser than isSameFile on purpose: it warns, it never decides.
 */
export function looksLikeSameName(a: string, b: string): boolean {
  return namesInSession(a).some((name) => sameNameCollator.compare(name, b) === 0);
}

/** A stable key for "same name and size" among stored files. */
export const storedFileKey = (file: NamedFile) => `${file.name}\u0000${file.size}`;
