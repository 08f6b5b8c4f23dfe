import { Spinner } from '@fluentui/react-components';

/** While a page's code loads. */
export function PendingPage() {
  return <Spinner label="Loading…" style={{ marginTop: '10vh' }} />;
}
