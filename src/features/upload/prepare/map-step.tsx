import { Body1, Checkbox, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { CsvColumn, CsvFormat } from '../csv/csv-formats';
import { RuleEditor } from './rule-editor';
import type { ColumnRule } from './transforms';

const useStyles = makeStyles({
  rules: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface MapStepProps {
  format: CsvFormat;
  rules: Record<string, ColumnRule>;
  sourceHeader: string[];
  /** Required columns of the layout that have no value yet. */
  missingRequired: CsvColumn[];
  neutraliseFormulas: boolean;
  onRule: (column: string, rule: ColumnRule) => void;
  onNeutraliseFormulas: (neutralise: boolean) => void;
}

/** Step 2 of the prepare flow: a rule for every column of the layout, matched by name first. */
export function MapStep({ format, rules, sourceHeader, missingRequired, neutraliseFormulas, onRule, onNeutraliseFormulas }: MapStepProps) {
  const styles = useStyles();
  return (
    <>
      <Body1>
        Each column of the {format.label} layout takes a column of the file, a constant or a simple change. Columns were matched by
        their names; check each choice.
      </Body1>
      <div className={styles.rules}>
        {format.columns.map((column) => (
          <RuleEditor
            key={column.name}
            column={column}
            rule={rules[column.name] ?? { kind: 'empty' }}
            sources={sourceHeader}
            onChange={(rule) => onRule(column.name, rule)}
          />
        ))}
      </div>
      <Checkbox
        checked={neutraliseFormulas}
        onChange={(_, data) => onNeutraliseFormulas(data.checked === true)}
        label="Put a ' in front of cells that start with =, +, -, @, a tab or a carriage return, so that Excel never runs them as formulas"
      />
      {missingRequired.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>Give these required columns a value first: {missingRequired.map((column) => column.name).join(', ')}.</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
