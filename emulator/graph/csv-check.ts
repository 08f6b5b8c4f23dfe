const maxHeaderChars = 64 * 1024;
const delimiters = [',', ';', '\t'];

/**
 * Checks an uploaded file chunk by chunk without keeping it: valid UTF-8 throughout, and a first line naming at
 * least two columns. The emulator stores only the name, the size and the header's column names.
 */
export class CsvCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private head = '';
  private headDone = false;
  private utf8Valid = true;
  size = 0;

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (!this.utf8Valid) return;
    try {
      this.takeHead(this.decoder.decode(chunk, { stream: true }));
    } catch {
      this.utf8Valid = false;
    }
  }

  /** The header's column names, or throws an Error saying why this is not a CSV with a header row. */
  finish(name: string): string[] {
    if (!name.toLowerCase().endsWith('.csv')) throw new Error(`File '${name}' is not a CSV file: its name must end with .csv.`);
    if (this.size === 0) throw new Error(`File '${name}' is empty.`);
    if (this.utf8Valid) {
      try {
        this.takeHead(this.decoder.decode());
      } catch {
        this.utf8Valid = false;
      }
    }
    if (!this.utf8Valid) throw new Error(`File '${name}' is not valid UTF-8 text.`);
    const columns = headerColumns(this.head);
    if (columns === undefined) {
      throw new Error(`File '${name}' has no header row: its first line must name at least two columns, separated by commas, semicolons or tabs.`);
    }
    return columns;
  }

  private takeHead(text: string): void {
    if (this.headDone) return;
    const newline = text.indexOf('\n');
    this.head += newline < 0 ? text : text.slice(0, newline);
    if (newline >= 0 || this.head.length > maxHeaderChars) this.headDone = true;
  }
}

function headerColumns(line: string): string[] | undefined {
  const header = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (header.trim() === '') return undefined;
  const delimiter = delimiters.reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best));
  const columns = splitRespectingQuotes(header, delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1').replaceAll('""', '"').trim());
  return columns.length >= 2 && columns.every((c) => c !== '') ? columns : undefined;
}

function splitRespectingQuotes(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === delimiter && !quoted) {
      fields.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  fields.push(current);
  return fields;
}
