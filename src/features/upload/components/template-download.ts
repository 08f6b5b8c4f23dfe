import type { CsvFormat } from '../csv/csv-formats';
import { csvTemplate, templateFileName } from '../csv/csv-templates';

/** Saves the format's header and example row as a CSV file, built in the browser. */
export function downloadTemplate(format: CsvFormat) {
  const url = URL.createObjectURL(new Blob([csvTemplate(format)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = templateFileName(format);
  link.click();
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
