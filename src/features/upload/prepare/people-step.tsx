import { Body1, Button, Caption1, Checkbox, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../../components/format';
import type { UserLookupProperty } from '../../../graph/users';
import { downloadFile } from './download-file';
import { kindLabels, outcomeCsv, outcomeLabels, outcomeOrder, resolutionFor, type OutcomeGroup } from './people-outcomes';
import { ownerResolutionFor } from './owner-outcomes';
import type { PrincipalScan } from './people-scan';
import type { WorkerJob } from './prepare-client';
import type { PreparePlan } from './prepare-pipeline';
import type { PeopleResolution } from './principal-resolver';
import { useResolvePeople } from './use-resolve-people';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  select: { minWidth: '200px' },
  outcome: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

/** People or rows shown per outcome; the download has them all. */
const shownPerOutcome = 5;

const kindChoices: Record<UserLookupProperty, string> = { mail: 'Email addresses', userPrincipalName: 'User principal names', employeeId: 'Employee ids' };

interface PeopleStepProps {
  plan: PreparePlan;
  scanFile: (plan: PreparePlan) => WorkerJob<PrincipalScan>;
  /** Prepare with the people looked up, or (undefined) without: object ids pass, other values leave their rows out. */
  onPrepare: (people: PeopleResolution | undefined) => void;
  onBack: () => void;
  announce: (message: string) => void;
}

/** Step 3 of the preparation: people resolved to Entra object ids, every outcome counted and listed. */
export function PeopleStep({ plan, scanFile, onPrepare, onBack, announce }: PeopleStepProps) {
  const styles = useStyles();
  const { state, lookUp, cancel, setKind } = useResolvePeople(scanFile, plan);
  const [includeDisabled, setIncludeDisabled] = useState(true);
  const [leaveOutDuplicates, setLeaveOutDuplicates] = useState(true);
  const { phase, scan, outcomes, owners, progress, problem } = state;
  const announced = useRef<string>(undefined);

  useEffect(() => {
    const text =
      phase === 'ready' && scan ? `${formatNumber(scan.values.length)} people found in the file.` :
      phase === 'done' && outcomes ? `People looked up: ${formatNumber(outcomes.groups.matched.rows)} rows matched.` :
      phase === 'refused' ? 'The permission to read users was not granted.' : undefined;
    if (text && announced.current !== text) {
      announced.current = text;
      announce(text);
    }
  }, [phase, scan, outcomes, announce]);

  const busy = phase === 'consent' || phase === 'lookingUp';
  return (
    <div className={styles.content}>
      <Body1>
        The file names people by {kindLabels[state.kind]}; the upload needs their Microsoft Entra object ids. Look them up in the
        directory: this asks for the permission to read users (User.Read.All, and GroupMember.Read.All for group owners) the first time. Object ids in the file are checked too.
      </Body1>
      {phase === 'scanning' && <Spinner size="small" label="Reading the people of the file…" />}
      {scan && (
        <div className={styles.row}>
          <Field label="The values are" className={styles.select}>
            <Select value={state.kind} disabled={busy} onChange={(_, data) => setKind(data.value as UserLookupProperty)}>
              {Object.entries(kindChoices).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1>
            {formatNumber(scan.values.length)} people in {formatNumber(scan.rowsRead)} rows
            {scan.sourceColumn ? ` (column ${scan.sourceColumn})` : ''}.
          </Caption1>
          {!busy && (
            <Button appearance={outcomes ? 'secondary' : 'primary'} onClick={() => void lookUp(state.kind)}>
              {outcomes ? 'Look up again' : 'Look up people'}
            </Button>
          )}
        </div>
      )}
      {phase === 'consent' && <Spinner size="small" label="Asking for the permission to read users…" />}
      {phase === 'lookingUp' && progress && (
        <div className={styles.row}>
          <Field
            label="Looking people up"
            validationState="none"
            validationMessage={`${formatNumber(progress.done)} of ${formatNumber(progress.total)} looked up${progress.failed ? `, ${formatNumber(progress.failed)} failed` : ''}`}
            style={{ flexGrow: 1 }}
          >
            <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} />
          </Field>
          <Button onClick={cancel}>Cancel lookup</Button>
        </div>
      )}
      {(phase === 'refused' || phase === 'failed') && problem && (
        <MessageBar intent="error">
          <MessageBarBody>
            {phase === 'refused' ? 'The permission to read users (User.Read.All) was not granted' : 'People could not be looked up'}
            {problem.code ? ` (${problem.code})` : ''}: {problem.message} The rest of the console works without it; without the lookup
            only object ids go into the file, and rows with other values are left out and listed.
          </MessageBarBody>
          <MessageBarActions>{phase === 'refused' && <Button onClick={() => void lookUp(state.kind)}>Ask again</Button>}</MessageBarActions>
        </MessageBar>
      )}
      {outcomes && phase === 'done' && (
        <>
          <section aria-label="People looked up" className={styles.content} data-lookup-run={state.run}>
            {outcomeOrder
              .map((id) => outcomes.groups[id])
              .filter((group) => group.rows > 0)
              .map((group) => (
                <OutcomeSection key={group.id} group={group} />
              ))}
          </section>
          {owners?.map((column) => (
            <section key={column.column} aria-label={`Owners in ${column.column}`} className={styles.content} data-owner-column={column.column}>
              <h3 className={styles.heading}>
                Owners in {column.column} ({column.kind === 'user' ? 'users' : 'groups'})
              </h3>
              {outcomeOrder
                .map((id) => column.groups[id])
                .filter((group) => group.rows > 0)
                .map((group) => (
                  <OutcomeSection key={group.id} group={group} listName={`${column.column} owners`} nouns={['owner', 'owners']} />
                ))}
            </section>
          ))}
          <Checkbox
            checked={includeDisabled}
            onChange={(_, data) => setIncludeDisabled(data.checked === true)}
            label={`Put people whose account is disabled into the file (${formatNumber(outcomes.groups.disabled.rows)} rows)`}
          />
          <Checkbox
            checked={leaveOutDuplicates}
            onChange={(_, data) => setLeaveOutDuplicates(data.checked === true)}
            label={`Leave out duplicate rows (${formatNumber(outcomes.groups.duplicate.rows)})`}
          />
          <Caption1>
            Rows whose person or owner is not found, ambiguous or failed, and rows without a person, are left out of the file and listed in
            the report of rows left out.
          </Caption1>
        </>
      )}
      <div className={styles.row}>
        <Button onClick={onBack} disabled={busy}>
          Back to the mapping
        </Button>
        {outcomes && phase === 'done' ? (
          <Button appearance="primary" onClick={() => onPrepare({ ...resolutionFor(outcomes, { includeDisabled, leaveOutDuplicates }), owners: owners && ownerResolutionFor(owners) })}>
            Prepare with the people looked up
          </Button>
        ) : (
          <Button disabled={busy} onClick={() => onPrepare(undefined)}>
            Prepare without looking up
          </Button>
        )}
      </div>
    </div>
  );
}

interface OutcomeSectionProps {
  group: OutcomeGroup;
  /** Names the downloaded list. */
  listName?: string;
  /** What one and several values are called. */
  nouns?: [string, string];
}

function OutcomeSection({ group, listName = 'people', nouns = ['person', 'people'] }: OutcomeSectionProps) {
  const styles = useStyles();
  const people = group.values.length;
  const rowCount = `${formatNumber(group.rows)} ${group.rows === 1 ? 'row' : 'rows'}`;
  const count = people > 0 ? `${formatNumber(people)} ${people === 1 ? nouns[0] : nouns[1]}, ${rowCount}` : rowCount;
  const download = () =>
    downloadFile(new File([outcomeCsv(group)], `${listName} ${outcomeLabels[group.id].toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()}.csv`, { type: 'text/csv' }));
  return (
    <div className={styles.outcome} data-outcome={group.id}>
      <h4 className={styles.heading}>
        {outcomeLabels[group.id]}: {count}
      </h4>
      {group.id !== 'matched' && (
        <ul className={styles.list} aria-label={outcomeLabels[group.id]}>
          {people > 0
            ? group.values.slice(0, shownPerOutcome).map((person) => (
                <li key={person.value}>
                  <Caption1>
                    {person.lines.length === 1 ? 'Line' : 'Lines'} {person.lines.join(', ')}
                    {person.rows > person.lines.length ? ' …' : ''}: {person.detail}
                  </Caption1>
                </li>
              ))
            : group.lines.slice(0, shownPerOutcome).map((line) => (
                <li key={line}>
                  <Caption1>Line {line}</Caption1>
                </li>
              ))}
        </ul>
      )}
      {group.id !== 'matched' && (people || group.rows) > shownPerOutcome && <Caption1>{formatNumber((people || group.rows) - shownPerOutcome)} more in the list.</Caption1>}
      <div>
        <Button size="small" icon={<ArrowDownloadRegular />} onClick={download}>
          Download the list ({count})
        </Button>
      </div>
    </div>
  );
}
