import { Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import { bidiControlNames, splitBidi } from './bidi';

const useStyles = makeStyles({
  // Isolated and left to right: the name cannot reorder the text around it, nor be reordered by it.
  root: { unicodeBidi: 'isolate', direction: 'ltr', overflowWrap: 'anywhere' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: '0.85em',
    color: tokens.colorPaletteDarkOrangeForeground1,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
  },
  icon: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    verticalAlign: 'middle',
    marginLeft: tokens.spacingHorizontalXXS,
  },
});

/**
 * A name from Graph or from a file chosen (file, session, review, resource): shown as it is, except that characters
 * which change the direction of text (U+202E and the others of bidi.ts) are shown as their codes, with a warning,
 * so that `salary<U+202E>slx.csv` never looks like `salaryvsc.xls`. Use it wherever such a name is shown.
 */
export function DisplayName({ name }: { name: string }) {
  const styles = useStyles();
  const parts = splitBidi(name);
  if (parts.length === 1 && typeof parts[0] === 'string') return <bdi className={styles.root}>{name}</bdi>;
  const found = [...new Set(parts.filter((part) => typeof part !== 'string').map((part) => part.code))];
  const warning = `This name holds ${found.length === 1 ? 'a character' : 'characters'} that change${found.length === 1 ? 's' : ''} the direction of text, shown as ${found.map((code) => `${code} (${bidiControlNames[code]})`).join(', ')}: the name may be made to look like another.`;
  return (
    <span className={styles.root}>
      {parts.map((part, index) => (
        <Fragment key={index}>{typeof part === 'string' ? part : <span className={styles.code}>{`<${part.code}>`}</span>}</Fragment>
      ))}
      <Tooltip content={warning} relationship="description">
        <span role="img" aria-label="Warning: direction-changing characters" className={styles.icon}>
          <WarningRegular />
        </span>
      </Tooltip>
    </span>
  );
}
