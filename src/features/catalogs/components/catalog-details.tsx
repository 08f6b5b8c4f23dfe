import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../../../components/format';
import { enumLabel } from '../../../components/enum-labels';
import type { Catalog } from '../../../graph/schemas';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  fact: { display: 'flex', flexDirection: 'column', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

export function CatalogDetails({ catalog }: { catalog: Catalog }) {
  const styles = useStyles();
  const facts: [string, string][] = [
    ['State', enumLabel(catalog.state)],
    ['Type', enumLabel(catalog.catalogType)],
    ['Externally visible', catalog.isExternallyVisible === undefined || catalog.isExternallyVisible === null ? '—' : catalog.isExternallyVisible ? 'Yes' : 'No'],
    ['Modified', catalog.modifiedDateTime ? formatDateTime(catalog.modifiedDateTime) : '—'],
  ];
  return (
    <>
      {catalog.description && <Body1>{catalog.description}</Body1>}
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} className={styles.fact}>
            <dt className={styles.term}>
              <Caption1>{term}</Caption1>
            </dt>
            <dd className={styles.value}>
              <Body1>{value}</Body1>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
