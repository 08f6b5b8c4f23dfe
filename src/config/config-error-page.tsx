import { Body1, Card, Title1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { maxWidth: '760px', margin: '10vh auto', padding: tokens.spacingHorizontalXXL, gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: '20px', color: tokens.colorPaletteRedForeground1 },
});

/** Shown instead of the app when /config.json is missing or wrong: what is wrong and how to fix it. */
export function ConfigErrorPage({ problems }: { problems: string[] }) {
  const styles = useStyles();
  return (
    <Card className={styles.root} role="main">
      <Title1 as="h1">The console is not configured</Title1>
      <Body1>
        The runtime configuration <code>/config.json</code> could not be used:
      </Body1>
      <ul className={styles.list} aria-label="Configuration problems">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <Body1>
        To fix it, put a <code>config.json</code> beside <code>index.html</code> on the web server, starting from{' '}
        <code>config.example.json</code>: set <code>clientId</code> to your app registration&apos;s application
        (client) ID and <code>authority</code> to <code>https://login.microsoftonline.com/&lt;your tenant ID&gt;</code>.
        The README lists every setting.
      </Body1>
    </Card>
  );
}
