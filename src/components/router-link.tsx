import { Link as FluentLink, type LinkProps as FluentLinkProps } from '@fluentui/react-components';
import { createLink } from '@tanstack/react-router';
import { forwardRef } from 'react';

const FluentAnchor = forwardRef<HTMLAnchorElement, FluentLinkProps & { href?: string }>((props, ref) => (
  <FluentLink {...props} ref={ref} />
));
FluentAnchor.displayName = 'FluentAnchor';

/** A router link that looks like every other Fluent link. */
export const RouterLink = createLink(FluentAnchor);
