import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { CsvColumn } from '../csv/csv-formats';
import type { ColumnRule, ValueTransform } from './transforms';

const useStyles = makeStyles({
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  wide: { minWidth: '200px', flexGrow: 1 },
  narrow: { width: '110px' },
});

const transforms: { id: ValueTransform; label: string }[] = [
  { id: 'trim', label: 'Trim spaces' },
  { id: 'none', label: 'As is' },
  { id: 'upper', label: 'Upper case' },
  { id: 'lower', label: 'Lower case' },
];

type Choice = 'empty' | 'constant' | 'join' | 'before' | 'after' | 'derive' | 'ownerList' | `column:${string}`;

const choiceOf = (rule: ColumnRule): Choice => (rule.kind === 'column' ? `column:${rule.source}` : rule.kind);

/** The rule a new choice starts with, keeping what it can of the previous one. */
function ruleFor(choice: Choice, previous: ColumnRule, sources: readonly string[]): ColumnRule {
  const first = ('source' in previous ? previous.source : previous.kind === 'join' ? previous.sources[0] : undefined) ?? sources[0] ?? '';
  const transform = 'transform' in previous ? previous.transform : 'trim';
  if (choice.startsWith('column:')) return { kind: 'column', source: choice.slice('column:'.length), transform };
  switch (choice) {
    case 'constant':
      return { kind: 'constant', value: '' };
    case 'join':
      return { kind: 'join', sources: [first, sources.find((s) => s !== first) ?? first], separator: ' ', transform };
    case 'before':
    case 'after':
      return { kind: choice, source: first, separator: '@', transform };
    case 'derive':
    case 'ownerList':
      return { kind: choice, source: first };
    default:
      return { kind: 'empty' };
  }
}

interface RuleEditorProps {
  column: CsvColumn;
  rule: ColumnRule;
  sources: readonly string[];
  onChange: (rule: ColumnRule) => void;
}

/** One target column's rule: where its value comes from, and how it is changed on the way. */
export function RuleEditor({ column, rule, sources, onChange }: RuleEditorProps) {
  const styles = useStyles();
  const name = column.name;
  const sourceSelect = (label: string, value: string, set: (source: string) => void) => (
    <Field label={label} className={styles.wide}>
      <Select value={value} onChange={(_, data) => set(data.value)}>
        {sources.map((source) => (
          <option key={source} value={source}>
            {source}
          </option>
        ))}
      </Select>
    </Field>
  );
  const missing = column.required && rule.kind === 'empty';
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>
        {name}
        {column.required ? ' (required)' : ''}
      </legend>
      <Field
        label={`Value of ${name}`}
        className={styles.wide}
        validationState={missing || (rule.kind === 'constant' && column.required && rule.value.trim() === '') ? 'warning' : 'none'}
        validationMessage={missing ? 'Required: every row would be left out without a value.' : undefined}
      >
        <Select value={choiceOf(rule)} onChange={(_, data) => onChange(ruleFor(data.value as Choice, rule, sources))}>
          <option value="empty">No value</option>
          {sources.map((source) => (
            <option key={source} value={`column:${source}`}>
              Column: {source}
            </option>
          ))}
          <option value="constant">A constant</option>
          <option value="join">Two columns joined</option>
          <option value="before">Part of a column before a separator</option>
          <option value="after">Part of a column after a separator</option>
          <option value="derive">An id derived from a column</option>
          {(column.kind === 'guidList' || column.kind === 'jsonOwnerList') && <option value="ownerList">An owner list from a column</option>}
        </Select>
      </Field>
      {rule.kind === 'constant' && (
        <Field label={`Constant for ${name}`} className={styles.wide}>
          <Input value={rule.value} onChange={(_, data) => onChange({ ...rule, value: data.value })} />
        </Field>
      )}
      {rule.kind === 'join' && (
        <>
          {sourceSelect(`First column for ${name}`, rule.sources[0], (source) => onChange({ ...rule, sources: [source, rule.sources[1]] }))}
          {sourceSelect(`Second column for ${name}`, rule.sources[1], (source) => onChange({ ...rule, sources: [rule.sources[0], source] }))}
        </>
      )}
      {(rule.kind === 'before' || rule.kind === 'after' || rule.kind === 'derive' || rule.kind === 'ownerList') &&
        sourceSelect(`Column for ${name}`, rule.source, (source) => onChange({ ...rule, source }))}
      {(rule.kind === 'join' || rule.kind === 'before' || rule.kind === 'after') && (
        <Field label={`Separator for ${name}`} className={styles.narrow}>
          <Input value={rule.separator} onChange={(_, data) => onChange({ ...rule, separator: data.value })} />
        </Field>
      )}
      {(rule.kind === 'column' || rule.kind === 'join' || rule.kind === 'before' || rule.kind === 'after') && (
        <Field label={`Change to ${name}`} className={styles.wide}>
          <Select value={rule.transform} onChange={(_, data) => onChange({ ...rule, transform: data.value as ValueTransform })}>
            {transforms.map((transform) => (
              <option key={transform.id} value={transform.id}>
                {transform.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </fieldset>
  );
}
