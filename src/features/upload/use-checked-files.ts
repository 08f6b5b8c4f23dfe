import { useCallback, useEffect, useRef, useState } from 'react';
import { isSameChosenFile } from './chosen-file';
import type { CsvFormatId } from './csv/csv-formats';
import { createCsvValidationWorker, type ValidationJob } from './csv/csv-validation-client';
import { describeCheckForAnnouncement, type CsvValidationResult } from './csv/validation-result';

export interface CheckedFile {
  id: number;
  file: File;
  state: 'checking' | 'checked' | 'failed';
  bytesRead: number;
  result?: CsvValidationResult;
  /** Why the check itself could not run. */
  failure?: string;
}

/** Files chosen for upload and what the CSV checks (in the worker) found in each. */
export function useCheckedFiles(announce: (message: string) => void) {
  const [files, setFiles] = useState<CheckedFile[]>([]);
  /** Why files just dropped or chosen were not listed again. */
  const [notice, setNotice] = useState<string>();
  const [checker] = useState(createCsvValidationWorker);
  const jobs = useRef(new Map<number, ValidationJob>());
  const nextId = useRef(1);
  const filesRef = useRef(files);
  useEffect(() => {
    filesRef.current = files;
  }, [files]);

  useEffect(() => () => checker.dispose(), [checker]);

  const update = useCallback((id: number, change: Partial<CheckedFile>) => {
    setFiles((current) => current.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)));
  }, []);

  const check = useCallback(
    (id: number, file: File, formatId: CsvFormatId) => {
      jobs.current.get(id)?.cancel();
      const job = checker.validate(file, formatId, (bytesRead) => update(id, { bytesRead }));
      jobs.current.set(id, job);
      job.result.then(
        (result) => {
          jobs.current.delete(id);
          update(id, { state: 'checked', result });
          announce(describeCheckForAnnouncement(file.name, result));
        },
        (error: unknown) => {
          jobs.current.delete(id);
          const failure = error instanceof Error ? error.message : String(error);
          update(id, { state: 'failed', failure });
          announce(`${file.name} could not be checked: ${failure}`);
        },
      );
    },
    [checker, update, announce],
  );

  const add = useCallback(
    (added: File[], formatId: CsvFormatId) => {
      // The same file dropped or chosen twice is listed once: a second entry could be sent a second time.
      const known = filesRef.current.map((entry) => entry.file);
      const fresh = added.filter((file, index) => !added.slice(0, index).some((other) => isSameChosenFile({ file }, { file: other })));
      const repeated = fresh.filter((file) => known.some((other) => isSameChosenFile({ file }, { file: other })));
      const notice = repeated.length > 0 ? `Already chosen: ${repeated.map((file) => file.name).join(', ')}.` : undefined;
      setNotice(notice);
      if (notice) announce(notice);
      const entries = fresh
        .filter((file) => !repeated.includes(file))
        .map((file): CheckedFile => ({ id: nextId.current++, file, state: 'checking', bytesRead: 0 }));
      setFiles((current) => [...current, ...entries]);
      for (const entry of entries) check(entry.id, entry.file, formatId);
    },
    [check, announce],
  );

  /** Checks every file again, against another format. */
  const recheck = useCallback(
    (formatId: CsvFormatId) => {
      setFiles((current) => current.map((entry) => ({ ...entry, state: 'checking', bytesRead: 0, result: undefined, failure: undefined })));
      for (const entry of files) check(entry.id, entry.file, formatId);
    },
    [files, check],
  );

  const remove = useCallback((ids: number[]) => {
    for (const id of ids) {
      jobs.current.get(id)?.cancel();
      jobs.current.delete(id);
    }
    setFiles((current) => current.filter((entry) => !ids.includes(entry.id)));
  }, []);

  return { files, notice, add, recheck, remove };
}

export const isUploadable = (entry: CheckedFile) => entry.state === 'checked' && entry.result?.verdict !== 'invalid';
