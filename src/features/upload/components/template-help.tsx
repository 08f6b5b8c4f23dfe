import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { csvFormatList, csvFormats, defaultCsvFormatId, type CsvFormat } from '../csv/csv-formats';
import { describeColumn, layoutSources } from '../csv/csv-templates';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  name: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  table: { tableLayout: 'auto' },
  paragraph: { margin: 0 },
});

/**
 * "About the template": which layout to choose (the three Microsoft documented disagree, docs/graph-contract.md §5.3),
 * and what goes in each column of the chosen one. Folded away until asked for.
 */
export function TemplateHelp({ format }: { format: CsvFormat }) {
  const styles = useStyles();
  const defaultFormat = csvFormats[defaultCsvFormatId];
  return (
    <Accordion collapsible>
      <AccordionItem value="template">
        <AccordionHeader as="h3">Which layout, and what goes in each column</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Body1 as="p" className={styles.paragraph}>
            Microsoft has documented three layouts, and their rules disagree (column names, their case, PrincipalType).
            Choose <strong>{defaultFormat.label}</strong> unless your data already follows another: it is the newest, the
            one the Entra admin center takes, and it holds the most (scope, entitlement owners for resource-owner reviews,
            custom data for reviewers). The template has the header and one example row: replace the example with your
            rows.
          </Body1>
          <Table aria-label={`Columns of the ${format.label} layout`} size="small" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Column</TableHeaderCell>
                <TableHeaderCell>Required</TableHeaderCell>
                <TableHeaderCell>What goes in it</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {format.columns.map((column) => (
                <TableRow key={column.name}>
                  <TableCell className={styles.name}>{column.name}</TableCell>
                  <TableCell>{column.required ? 'Yes' : 'No'}</TableCell>
                  <TableCell>{describeColumn(column)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Body1 as="p" className={styles.paragraph}>Microsoft&apos;s pages for each layout:</Body1>
          <ul>
            {csvFormatList.map((option) => (
              <li key={option.id}>
                {option.label}:{' '}
                <Link href={layoutSources[option.id].url} target="_blank" rel="noreferrer">
                  {layoutSources[option.id].title}
                </Link>
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
