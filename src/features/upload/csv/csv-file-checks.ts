/** Checks that need only a file's name, type, size and first bytes: they run before any parsing. */
import { formatBytesBeside } from '../../../components/format';

/**
 * The largest file the console uploads: 50 MB (decimal, like every size the console shows), just under the
 * emulator's default limit (`EMULATOR_MAX_UPLOAD_MB`, 50 MiB), and a sane one for a browser upload. Graph documents none (docs/graph-contract.md §2.6). Only uploads need it: the checks read files of
 * any size (`validateCsvFile`), and larger files are split by the prepare flow.
 */
export const maxCsvFileBytes = 50_000_000;

const csvMimeTypes = new Set([
  '',
  'text/csv',
  'application/csv',
  'text/x-csv',
  'application/x-csv',
  'text/comma-separated-values',
  // Windows reports .csv files as Excel's when Excel is installed.
  'application/vnd.ms-excel',
  'text/plain',
]);

const notCsvMimePattern = /^(image|audio|video)\/|spreadsheetml|opendocument|application\/(pdf|zip|x-zip|json|msword)/;

export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

export interface FileCheck {
  errors: string[];
  warnings: string[];
}

export const excelWorkbookMessage = 'This is an Excel workbook: save it as CSV UTF-8.';

/**
 * An Excel workbook by its name or its type. `application/vnd.ms-excel` alone is not one: Windows reports .csv files
 * so when Excel is installed.
 */
function isExcelWorkbook(name: string, type: string) {
  if (/\.(xlsx|xlsm|xlsb|xls)$/i.test(name)) return true;
  if (/spreadsheetml|^application\/vnd\.ms-excel\./.test(type)) return true;
  return type === 'application/vnd.ms-excel' && !/\.csv$/i.test(name);
}

export function checkFileFacts(file: FileFacts, limit = maxCsvFileBytes): FileCheck {
  const type = file.type.toLowerCase();
  // A workbook gets one error that says what to do, not one for its name and another for its type.
  if (isExcelWorkbook(file.name, type)) return { errors: [excelWorkbookMessage], warnings: [] };
  if (/\.ods$/i.test(file.name) || type.includes('opendocument.spreadsheet')) {
    return { errors: ['This is an OpenDocument spreadsheet: save it as CSV UTF-8.'], warnings: [] };
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!/\.csv$/i.test(file.name)) errors.push('Only .csv files can be uploaded.');
  if (notCsvMimePattern.test(type)) errors.push(`The file is ${type}, not CSV text.`);
  else if (!csvMimeTypes.has(type)) warnings.push(`The browser reports the file as ${type}, not as CSV.`);
  if (file.size === 0) errors.push('The file is empty.');
  if (file.size > limit) {
    const [size, largest] = formatBytesBeside(file.size, limit);
    errors.push(`The file is ${size}; the largest file accepted is ${largest}. Split it.`);
  }
  return { errors, warnings };
}

/** Why a checked file cannot be uploaded as it is, or undefined when it is small enough. */
export function uploadSizeProblem(size: number, limit = maxCsvFileBytes): string | undefined {
  if (size <= limit) return undefined;
  const [shown, largest] = formatBytesBeside(size, limit);
  return (
    `The file is ${shown}; an upload takes at most ${largest} (a limit of this console: Graph documents none). ` +
    'Its rows are checked all the same: split it into smaller files (Prepare data does) to upload it.'
  );
}

export interface ByteSniff {
  hasBom: boolean;
  problem?: string;
}

/** The first bytes tell CSV text from a workbook, UTF-16 text or binary data. */
export function sniffBytes(head: Uint8Array): ByteSniff {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { hasBom: false, problem: 'This is an Excel workbook or a ZIP archive, not CSV text: save it as CSV UTF-8.' };
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return { hasBom: false, problem: 'The file is UTF-16 text: save it as CSV UTF-8.' };
  if (head.includes(0)) {
    return { hasBom: false, problem: 'The file holds binary data (NUL bytes), not UTF-8 text: save it as CSV UTF-8.' };
  }
  return { hasBom: starts(0xef, 0xbb, 0xbf) };
}
