import { Badge, type BadgeProps } from '@fluentui/react-components';

const known = new Map<string, { label: string; color: BadgeProps['color'] }>([
  ['active', { label: 'Active', color: 'brand' }],
  ['complete', { label: 'Complete', color: 'success' }],
  ['expired', { label: 'Expired', color: 'warning' }],
]);

/**
 * An upload session's status. Only Graph's current lowercase values get a colour; anything else
 * (`unknownFutureValue`, a new status, the old capitalised `Active`) is shown as sent, neutrally, never guessed at.
 */
export function SessionStatusBadge({ status }: { status: string | null | undefined }) {
  const match = status ? known.get(status) : undefined;
  if (match) {
    return (
      <Badge appearance="tint" color={match.color}>
        {match.label}
      </Badge>
    );
  }
  const label = !status || status === 'unknownFutureValue' ? 'Unknown' : status;
  return (
    <Badge appearance="outline" color="informative" title={`Status not recognised by this console: ${status ?? 'none'}`}>
      {label}
    </Badge>
  );
}
