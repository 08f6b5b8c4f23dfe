import { Caption1, Field, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { formatBytes } from '../../../components/format';
import { delimiters, isDelimiter, sourceEncodings, type Delimiter, type SourceEncoding, type SourceSample } from './detect';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  select: { minWidth: '180px', flexGrow: 1 },
  preview: { overflowX: 'auto', maxWidth: '100%' },
  cell: { whiteSpace: 'nowrap', maxWidth: '240px', overflow: 'hidden', textOverflow: 'ellipsis' },
});

/** Rows shown in the preview table. */
const previewRows = 5;
/** Records offered as the header row. */
const headerChoices = 10;

/** How the owner says to read the export; what is not chosen is detected. */
export interface ReadChoice {
  encoding?: SourceEncoding;
  delimiter?: Delimiter;
  headerRow?: number;
}

interface ReadStepProps {
  file: File;
  sample: SourceSample;
  headerRow: number;
  sourceHeader: string[];
  onChoice: (change: ReadChoice) => void;
}

/** Step 1 of the prepare flow: the encoding, delimiter and header row found, each changeable, and the first rows. */
export function ReadStep({ file, sample, headerRow, sourceHeader, onChoice }: ReadStepProps) {
  const styles = useStyles();
  const dataRows = sample.records.slice(headerRow + 1, headerRow + 1 + previewRows);
  return (
    <>
      {sample.encoding.warning && (
        <MessageBar intent="warning">
          <MessageBarBody>{sample.encoding.warning}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Field label="Encoding" className={styles.select}>
          <Select value={sample.encoding.encoding} onChange={(_, data) => onChoice({ encoding: data.value as SourceEncoding })}>
            {sourceEncodings.map((encoding) => (
              <option key={encoding.id} value={encoding.id}>
                {encoding.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Delimiter" className={styles.select}>
          <Select value={sample.delimiter} onChange={(_, data) => isDelimiter(data.value) && onChoice({ delimiter: data.value, headerRow: undefined })}>
            {delimiters.map((delimiter) => (
              <option key={delimiter.id} value={delimiter.id}>
                {delimiter.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Header row" className={styles.select} hint="Lines above it (titles) are skipped.">
          <Select value={String(headerRow)} onChange={(_, data) => onChoice({ headerRow: Number(data.value) })}>
            {sample.records.slice(0, headerChoices).map((fields, index) => (
              <option key={index} value={index}>
                {`Row ${index + 1}: ${fields.filter((f) => f.trim() !== '').slice(0, 3).join(', ').slice(0, 60) || '(empty cells)'}`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Caption1>
        {formatBytes(file.size)}; {sourceHeader.length} columns. The first {dataRows.length} rows:
      </Caption1>
      <div className={styles.preview} tabIndex={0} role="region" aria-label="Preview of the first rows">
        <Table size="small" aria-label="Preview of the first rows">
          <TableHeader>
            <TableRow>
              {sourceHeader.map((name, index) => (
                <TableHeaderCell key={index} className={styles.cell}>
                  {name || `(column ${index + 1})`}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {dataRows.map((fields, row) => (
              <TableRow key={row}>
                {sourceHeader.map((_, index) => (
                  <TableCell key={index} className={styles.cell}>
                    {fields[index] ?? ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
