import { Badge, type BadgeProps } from '@fluentui/react-components';
import { sessionStatusOf, type SessionStatus } from '../graph/session-status';

const known: Record<Exclude<SessionStatus, 'other'>, { label: string; color: BadgeProps['color'] }> = {
  active: { label: 'Active', color: 'brand' },
  complete: { label: 'Complete', color: 'success' },
  expired: { label: 'Expired', color: 'warning' },
};

/**
 * An upload session's status, read by the one status rule (src/graph/session-status.ts): the old capitalised
 * `Active` is active. Anything else (`unknownFutureValue`, a new status) is shown as sent, neutrally, never guessed at.
 */
export function SessionStatusBadge({ status }: { status: string | null | undefined }) {
  const normalized = sessionStatusOf(status);
  if (normalized !== 'other') {
    const { color } = known[normalized];
    return (
      <Badge appearance="tint" color={color}>
        {sessionStatusLabel(status)}
      </Badge>
    );
  }
  const label = sessionStatusLabel(status);
  return (
    <Badge appearance="outline" color="informative" title={`Status not recognised by this console: ${status ?? 'none'}`}>
      {label}
    </Badge>
  );
}

/** The words for a status, as the badge and the page title say it. */
export function sessionStatusLabel(status: string | null | undefined): string {
  const normalized = sessionStatusOf(status);
  if (normalized !== 'other') return known[normalized].label;
  return !status || status === 'unknownFutureValue' ? 'Unknown' : status;
}
