import { Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { formatBytes, formatDateTime, formatDuration, formatNumber } from '../../../components/format';
import { RouterLink as Link } from '../../../components/router-link';
import type { CreateAccess } from '../../../graph/catalog-roles';
import { cellActionOf, type CellState, type InstancePhase, type ReadinessCell, type ReadinessRow } from '../readiness';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  urgent: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  openCard: { borderLeft: `4px solid ${tokens.colorBrandStroke1}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  when: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  urgentText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  cells: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cell: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  cellText: { display: 'flex', flexDirection: 'column' },
});

const iso = (time: number) => new Date(time).toISOString();

function PhaseLine({ phase, now }: { phase: InstancePhase; now: number }) {
  const styles = useStyles();
  if (phase.kind === 'open') {
    return (
      <span className={styles.when}>
        <Badge appearance="filled" color={phase.urgent ? 'danger' : 'brand'}>
          {phase.urgent ? 'Closing soon' : 'Open'}
        </Badge>
        <Text className={phase.urgent ? styles.urgentText : undefined}>
          {formatDuration(phase.remainingMs)} left, until <time dateTime={iso(phase.closesAt)}>{formatDateTime(iso(phase.closesAt))}</time>
        </Text>
      </span>
    );
  }
  if (phase.kind === 'upcoming') {
    return (
      <span className={styles.when}>
        <Badge appearance="tint" color="informative">
          Upcoming
        </Badge>
        <Text>
          {phase.opensAt === undefined ? (
            'The window opens when the review starts (Graph gave no start time)'
          ) : phase.opensAt > now ? (
            <>
              Window opens in {formatDuration(phase.opensAt - now)}, on <time dateTime={iso(phase.opensAt)}>{formatDateTime(iso(phase.opensAt))}</time>
            </>
          ) : (
            'The window is opening now'
          )}
        </Text>
      </span>
    );
  }
  return (
    <span className={styles.when}>
      <Badge appearance="tint" color="subtle">
        Closed
      </Badge>
      <Text>{phase.reason}</Text>
    </span>
  );
}

function stateText(state: CellState): string {
  switch (state.kind) {
    case 'unknown':
      return state.failed ? 'Sessions could not be read' : 'Loading sessions…';
    case 'none':
      return 'No session';
    case 'active':
      return `Active, not finalized: ${formatNumber(state.files)} ${state.files === 1 ? 'file' : 'files'}, ${formatBytes(state.bytes)}`;
    case 'complete':
      return `Complete: ${formatNumber(state.files)} ${state.files === 1 ? 'file' : 'files'}, ${formatBytes(state.bytes)}`;
    case 'expired':
      return 'Expired';
    case 'other':
      return `Status ${state.status}`;
  }
}

function Cell({ row, cell, createAccess }: { row: ReadinessRow; cell: ReadinessCell; createAccess: CreateAccess }) {
  const styles = useStyles();
  const ids = { catalogId: row.catalogId, resourceId: cell.resource.id };
  const action = cellActionOf(row.phase, cell.state);
  const sessionLink = (sessionId: string, label: string) => (
    <Link to="/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId" params={{ ...ids, sessionId }}>
      {label}
    </Link>
  );
  return (
    <li className={styles.cell}>
      <span className={styles.cellText}>
        <Text weight="semibold">{cell.resource.displayName || cell.resource.id}</Text>
        <Caption1>{stateText(cell.state)}</Caption1>
        {action.kind === 'missed' && (
          <Caption1 className={styles.urgentText}>The window closed without complete data: the review went on without it.</Caption1>
        )}
      </span>
      {action.kind === 'create' && createAccess === 'reader' && (
        <Caption1 className={styles.muted}>Catalog readers can't create sessions</Caption1>
      )}
      {action.kind === 'create' && createAccess === 'allowed' && (
        <Link to="/catalogs/$catalogId/resources/$resourceId" params={ids} search={{ create: row.instance.id, createReview: row.definition.id }}>
          Create session
        </Link>
      )}
      {action.kind === 'continue' && sessionLink(action.sessionId, 'Continue')}
      {action.kind === 'view' && sessionLink(action.sessionId, 'View session')}
      {action.kind === 'missed' && action.sessionId && sessionLink(action.sessionId, 'View session')}
      {action.kind === 'wait' && <Caption1 className={styles.muted}>Not open yet</Caption1>}
    </li>
  );
}

interface ReadinessCardProps {
  row: ReadinessRow;
  now: number;
  /** Shown above the review's name, on pages that mix catalogs. */
  catalogName?: string;
  headingLevel: 'h3' | 'h4';
  /** Only the resources that still need data (the home page); every one otherwise. */
  onlyMissing?: boolean;
  /** Leave the resources out (upcoming windows on the home page, whose resources are not read). */
  hideResources?: boolean;  /** Whether "Create session" is offered: hidden while the person's role loads, replaced by a note for readers. */
  createAccess?: CreateAccess;
}

/** One review instance: its window, and for each custom data provided resource the state of its data. */
export function ReadinessCard({ row, now, catalogName, headingLevel: Heading, onlyMissing = false, hideResources = false, createAccess = 'allowed' }: ReadinessCardProps) {
  const styles = useStyles();
  const headingId = useId();
  const cells = onlyMissing ? row.cells.filter((cell) => cell.state.kind !== 'complete') : row.cells;
  const className = mergeClasses(
    styles.card,
    row.phase.kind === 'open' && styles.openCard,
    row.phase.kind === 'open' && row.phase.urgent && styles.urgent,
  );
  const start = row.instance.startDateTime;
  return (
    <article className={className} aria-labelledby={headingId}>
      {catalogName && <Caption1 className={styles.muted}>{catalogName}</Caption1>}
      <Heading id={headingId} className={styles.title}>
        {row.definition.displayName || row.definition.id}
      </Heading>
      <Caption1 className={styles.muted}>
        {row.instance.status ?? 'Unknown status'}
        {start && (
          <>
            {' '}
            · start <time dateTime={start}>{formatDateTime(start)}</time>
          </>
        )}{' '}
        · instance {row.instance.id}
      </Caption1>
      <PhaseLine phase={row.phase} now={now} />
      {hideResources ? null : row.cells.length === 0 ? (
        <Caption1 className={styles.muted}>This catalog has no custom data provided resources to upload for.</Caption1>
      ) : (
        <ul className={styles.cells} aria-label="Resources">
          {cells.map((cell) => (
            <Cell key={cell.resource.id} row={row} cell={cell} createAccess={createAccess} />
          ))}
        </ul>
      )}
    </article>
  );
}
