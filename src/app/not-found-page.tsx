import { Body1 } from '@fluentui/react-components';
import { PageHeader } from '../components/page-header';
import { RouterLink } from '../components/router-link';
import { usePageTitle } from '../components/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <PageHeader title="Page not found" />
      <Body1>
        There is nothing at this address. Check the link, or go back to the <RouterLink to="/">catalogs</RouterLink>.
      </Body1>
    </>
  );
}
