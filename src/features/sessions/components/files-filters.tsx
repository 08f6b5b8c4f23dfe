import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, FilterRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { formatExactBytes } from '../../../components/format';
import { defaultOperators, defaultSizeUnit, toBytes } from '../files-query';
import { fromLocalInputValue, toLocalInputValue } from '../local-date-time';
import { comparisonOperators, nameOperators, type ComparisonOperator, type NameOperator } from '../../../graph/session-files';
import { sizeUnitLabels, sizeUnits, type SessionSearch, type SizeUnit } from '../session-search';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  // On a phone a group's controls wrap within the screen's width.
  group: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, border: 'none', margin: 0, padding: 0, maxWidth: '100%', '& > *': { maxWidth: '100%' } },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
  operator: { width: '9.5em' },
  name: { width: '16em' },
  size: { width: '8em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignSelf: 'flex-end', paddingBottom: tokens.spacingVerticalXXS },
});

export type FileFilters = Pick<SessionSearch, 'nameOp' | 'name' | 'sizeOp' | 'size' | 'sizeUnit' | 'uploadedOp' | 'uploaded'>;

export const noFileFilters: FileFilters = {
  nameOp: undefined,
  name: undefined,
  sizeOp: undefined,
  size: undefined,
  sizeUnit: undefined,
  uploadedOp: undefined,
  uploaded: undefined,
};

const nameOperatorLabels: Record<NameOperator, string> = { eq: 'equals', ne: 'does not equal' };
const sizeOperatorLabels: Record<ComparisonOperator, string> = {
  eq: '= equal to',
  ne: '≠ not equal to',
  gt: '> larger than',
  ge: '≥ at least',
  lt: '< smaller than',
  le: '≤ at most',
};
const dateOperatorLabels: Record<ComparisonOperator, string> = {
  eq: '= exactly at',
  ne: '≠ not at',
  gt: '> after',
  ge: '≥ at or after',
  lt: '< before',
  le: '≤ at or before',
};

/**
 * The files' filters as a form: nothing is sent to Graph until "Apply", so typing a name never fires a request
 * per keystroke. The parent remounts it (by key) when the address changes, to show the filters in force.
 */
interface FilesFiltersProps {
  search: SessionSearch;
  /** Whether any filter is in force, for "Clear filters". */
  filtered: boolean;
  onApply: (filters: FileFilters) => void;
}

export function FilesFilters({ search, filtered, onApply }: FilesFiltersProps) {
  const styles = useStyles();
  const [nameOp, setNameOp] = useState<NameOperator>(search.nameOp ?? defaultOperators.name);
  const [name, setName] = useState(search.name ?? '');
  const [sizeOp, setSizeOp] = useState<ComparisonOperator>(search.sizeOp ?? defaultOperators.size);
  const [size, setSize] = useState(search.size === undefined ? '' : String(search.size));
  const [sizeUnit, setSizeUnit] = useState<SizeUnit>(search.sizeUnit ?? defaultSizeUnit);
  const [uploadedOp, setUploadedOp] = useState<ComparisonOperator>(search.uploadedOp ?? defaultOperators.uploaded);
  const [uploaded, setUploaded] = useState(search.uploaded ? toLocalInputValue(search.uploaded) : '');
  const [submitted, setSubmitted] = useState(false);

  const sizeValue = size.trim() === '' ? undefined : Number(size);
  const sizeInvalid = sizeValue !== undefined && !(Number.isFinite(sizeValue) && sizeValue >= 0);
  const uploadedIso = uploaded === '' ? undefined : fromLocalInputValue(uploaded);
  const uploadedInvalid = uploaded !== '' && uploadedIso === undefined;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (sizeInvalid || uploadedInvalid) return;
    onApply({
      nameOp: name === '' ? undefined : nameOp,
      name: name === '' ? undefined : name,
      sizeOp: sizeValue === undefined ? undefined : sizeOp,
      size: sizeValue,
      sizeUnit: sizeValue === undefined ? undefined : sizeUnit,
      uploadedOp: uploadedIso === undefined ? undefined : uploadedOp,
      uploaded: uploadedIso,
    });
  };

  return (
    <form className={styles.form} onSubmit={apply} aria-label="Filter files">
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Name</legend>
        <Select className={styles.operator} aria-label="Name comparison" value={nameOp} onChange={(_, data) => setNameOp(data.value as NameOperator)}>
          {nameOperators.map((op) => (
            <option key={op} value={op}>
              {nameOperatorLabels[op]}
            </option>
          ))}
        </Select>
        <Input className={styles.name} aria-label="File name" value={name} onChange={(_, data) => setName(data.value)} placeholder="Exact file name" />
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Size</legend>
        <Select className={styles.operator} aria-label="Size comparison" value={sizeOp} onChange={(_, data) => setSizeOp(data.value as ComparisonOperator)}>
          {comparisonOperators.map((op) => (
            <option key={op} value={op}>
              {sizeOperatorLabels[op]}
            </option>
          ))}
        </Select>
        <Field
          validationMessage={submitted && sizeInvalid ? 'Enter a size of 0 or more' : undefined}
          hint={sizeValue !== undefined && !sizeInvalid ? `= ${formatExactBytes(toBytes(sizeValue, sizeUnit))}` : undefined}
        >
          <Input className={styles.size} aria-label="Size" type="number" min={0} step="any" value={size} onChange={(_, data) => setSize(data.value)} />
        </Field>
        <Select aria-label="Size unit" value={sizeUnit} onChange={(_, data) => setSizeUnit(data.value as SizeUnit)}>
          {(Object.keys(sizeUnits) as SizeUnit[]).map((unit) => (
            <option key={unit} value={unit}>
              {sizeUnitLabels[unit]}
            </option>
          ))}
        </Select>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Uploaded</legend>
        <Select className={styles.operator} aria-label="Uploaded comparison" value={uploadedOp} onChange={(_, data) => setUploadedOp(data.value as ComparisonOperator)}>
          {comparisonOperators.map((op) => (
            <option key={op} value={op}>
              {dateOperatorLabels[op]}
            </option>
          ))}
        </Select>
        <Field validationMessage={submitted && uploadedInvalid ? 'Enter a date and time' : undefined} hint="Your local time">
          <Input aria-label="Uploaded date and time" type="datetime-local" step={1} value={uploaded} onChange={(_, data) => setUploaded(data.value)} />
        </Field>
      </fieldset>

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<FilterRegular />}>
          Apply filters
        </Button>
        <Button icon={<DismissRegular />} onClick={() => onApply(noFileFilters)} disabled={!filtered}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
