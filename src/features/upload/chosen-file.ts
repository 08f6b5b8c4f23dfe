/**
 * When two chosen files are the same file: the one rule behind "already in the queue" and "already uploaded", and
 * behind matching a re-selected file to the journal. Name and size, and the SHA-256 when both have one; without
 * hashes, the same File object or the same last-modified time.
 */
export interface ChosenFileFacts {
  file: File;
  sha256?: string;
}

export function isSameChosenFile(a: ChosenFileFacts, b: ChosenFileFacts): boolean {
  if (a.file === b.file) return true;
  if (a.file.name !== b.file.name || a.file.size !== b.file.size) return false;
  if (a.sha256 !== undefined && b.sha256 !== undefined) return a.sha256 === b.sha256;
  return a.file.lastModified === b.file.lastModified;
}
