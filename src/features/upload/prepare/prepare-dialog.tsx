import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { maxCsvFileBytes } from '../csv/csv-file-checks';
import type { CsvFormat } from '../csv/csv-formats';
import { LiveMessage, useAnnouncerStore } from '../components/live-message';
import { autoMatch } from './auto-match';
import { readSample, sampleBytes } from './detect';
import { MapStep } from './map-step';
import { principalColumnIndex } from './people-scan';
import { PeopleStep } from './people-step';
import { createPrepareWorker, type PrepareJob } from './prepare-client';
import type { PrepareOutcome } from './prepare-messages';
import type { PreparePlan } from './prepare-pipeline';
import { describeOutcome, PrepareStep } from './prepare-step';
import type { PeopleResolution } from './principal-resolver';
import { ReadStep, type ReadChoice } from './read-step';
import { fitsHeader, readSavedMapping, saveMapping } from './saved-mappings';
import { ruleSources, type ColumnMapping, type ColumnRule } from './transforms';

const useStyles = makeStyles({
  surface: { width: 'min(960px, calc(100vw - 24px))', maxWidth: 'none', boxSizing: 'border-box', padding: tokens.spacingHorizontalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

type Step = 'read' | 'map' | 'people' | 'prepare';
/** Resolving people is the optional first part of step 3, for layouts whose principal is an object id. */
const stepTitles: Record<Step, string> = {
  read: 'Step 1 of 3: read the file',
  map: 'Step 2 of 3: map the columns',
  people: 'Step 3 of 3: resolve people',
  prepare: 'Step 3 of 3: prepare',
};

interface PrepareDialogProps {
  /** The file to prepare, `null` to let the owner choose one, undefined when the dialog is closed. */
  file: File | null | undefined;
  format: CsvFormat;
  resourceId: string;
  onClose: () => void;
  /** The prepared parts, for the checked-files list; `source` is the export they came from. */
  onPrepared: (files: File[], source: File) => void;
}

/** Prepare data: an export of another system becomes files of the chosen layout (docs/architecture.md, "Preparing data"). */
export function PrepareDialog({ file, format, resourceId, onClose, onPrepared }: PrepareDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={file !== undefined} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        {file !== undefined && <PrepareFlow initialFile={file} format={format} resourceId={resourceId} onClose={onClose} onPrepared={onPrepared} />}
      </DialogSurface>
    </Dialog>
  );
}


function PrepareFlow({ initialFile, format, resourceId, onClose, onPrepared }: Omit<PrepareDialogProps, 'file'> & { initialFile: File | null }) {
  const styles = useStyles();
  const announcer = useAnnouncerStore();
  const { announce } = announcer;
  const [file, setFile] = useState<File | null>(initialFile);
  const [head, setHead] = useState<Uint8Array>();
  const [readError, setReadError] = useState<string>();
  const [step, setStep] = useState<Step>('read');
  const [choice, setChoice] = useState<ReadChoice>({});
  const [mapping, setMapping] = useState<{ header: string; mapping: ColumnMapping }>();
  const [savedUsed, setSavedUsed] = useState(false);
  const [worker] = useState(createPrepareWorker);
  const job = useRef<PrepareJob>(undefined);
  /** The people of the last run, so "prepare again" with the formula fix keeps them. */
  const lastPeople = useRef<PeopleResolution>(undefined);
  const [progress, setProgress] = useState<number>();
  const [outcome, setOutcome] = useState<PrepareOutcome>();
  const [failure, setFailure] = useState<string>();
  const [neutraliseFormulas, setNeutraliseFormulas] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const fileInputId = useId('export-file');

  useEffect(
    () => () => {
      job.current?.cancel();
      worker.dispose();
    },
    [worker],
  );

  useEffect(() => {
    if (!file) return;
    let current = true;
    file.slice(0, sampleBytes).arrayBuffer().then(
      (buffer) => current && setHead(new Uint8Array(buffer)),
      (error: unknown) => current && setReadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [file]);

  const sample = useMemo(
    () => head && file && readSample(head, { encoding: choice.encoding, delimiter: choice.delimiter, wholeFile: file.size <= sampleBytes }),
    [head, file, choice.encoding, choice.delimiter],
  );
  const headerRow = Math.min(choice.headerRow ?? sample?.headerRow ?? 0, Math.max(0, (sample?.records.length ?? 1) - 1));
  const sourceHeader = useMemo(() => (sample?.records[headerRow] ?? []).map((name) => name.trim()), [sample, headerRow]);
  const headerKey = sourceHeader.join('\u0000');
  const rules = mapping?.header === headerKey ? mapping.mapping.rules : autoMatch(sourceHeader, format).rules;

  const saved = useMemo(() => readSavedMapping(resourceId), [resourceId]);
  // Offered when the file, read the way the saved mapping says, has the columns it uses.
  const savedFits = useMemo(() => {
    if (!saved || !head || !file || saved.formatId !== format.id) return false;
    const savedSample = readSample(head, { encoding: saved.encoding, delimiter: saved.delimiter, wholeFile: file.size <= sampleBytes });
    return fitsHeader(saved, (savedSample.records[saved.headerRow] ?? []).map((name) => name.trim()));
  }, [saved, head, file, format.id]);

  const scanFile = useCallback((plan: PreparePlan) => worker.scan(file!, plan), [worker, file]);
  const withPeople = principalColumnIndex({ formatId: format.id }) >= 0;
  const goTo = (next: Step) => {
    setStep(next);
    announce(`${stepTitles[next]}.`);
    // The title says where the owner is now; the controls of the last step are gone.
    requestAnimationFrame(() => titleRef.current?.focus());
  };

  const useSaved = () => {
    if (!saved || !head || !file) return;
    setChoice({ encoding: saved.encoding, delimiter: saved.delimiter, headerRow: saved.headerRow });
    const savedSample = readSample(head, { encoding: saved.encoding, delimiter: saved.delimiter, wholeFile: file.size <= sampleBytes });
    const header = (savedSample.records[saved.headerRow] ?? []).map((name) => name.trim());
    setMapping({ header: header.join('\u0000'), mapping: saved.mapping });
    setSavedUsed(true);
    announce('The saved mapping is applied.');
    goTo('map');
  };

  const setRule = (column: string, rule: ColumnRule) => setMapping({ header: headerKey, mapping: { rules: { ...rules, [column]: rule } } });

  const missingRequired = format.columns.filter((column) => {
    const rule = rules[column.name] ?? { kind: 'empty' };
    return column.required && (rule.kind === 'empty' || (rule.kind === 'constant' && rule.value.trim() === ''));
  });

  const buildPlan = (neutralise = neutraliseFormulas): PreparePlan | undefined =>
    file && sample
      ? {
          fileName: file.name,
          formatId: format.id,
          encoding: sample.encoding.encoding,
          delimiter: sample.delimiter,
          headerRow,
          mapping: { rules },
          limitBytes: maxCsvFileBytes,
          neutraliseFormulas: neutralise,
        }
      : undefined;

  const start = (people?: PeopleResolution, neutralise = neutraliseFormulas) => {
    const plan = buildPlan(neutralise);
    if (!file || !plan) return;
    plan.people = people;
    lastPeople.current = people;
    saveMapping(resourceId, {
      formatId: format.id,
      encoding: plan.encoding,
      delimiter: plan.delimiter,
      headerRow,
      sourceColumns: [...new Set(Object.values(rules).flatMap(ruleSources))],
      mapping: plan.mapping,
      savedDateTime: new Date().toISOString(),
    });
    setOutcome(undefined);
    setFailure(undefined);
    setProgress(0);
    announce(`Preparing ${file.name}.`);
    const started = worker.prepare(file, plan, (bytesRead) => setProgress(bytesRead));
    job.current = started;
    started.outcome.then(
      (result) => {
        job.current = undefined;
        setProgress(undefined);
        setOutcome(result);
        onPrepared(result.files, file);
        announce(describeOutcome(result));
      },
      (error: unknown) => {
        job.current = undefined;
        setProgress(undefined);
        if (error instanceof DOMException && error.name === 'AbortError') {
          announce('Preparation cancelled.');
          return;
        }
        const text = error instanceof Error ? error.message : String(error);
        setFailure(text);
        announce(`The file could not be prepared: ${text}`);
      },
    );
  };

  return (
    <DialogBody>
      <DialogTitle>Prepare data{file ? `: ${file.name}` : ''}</DialogTitle>
      <DialogContent className={styles.content}>
        <h3 ref={titleRef} tabIndex={-1}>
          {stepTitles[step]}
        </h3>
        {!file && (
          <div className={styles.content}>
            {/* A native file input, labelled by hand: Field only labels Fluent controls. */}
            <Label htmlFor={fileInputId}>Export file</Label>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,.txt,.tsv,text/csv,text/plain"
              aria-describedby={`${fileInputId}-hint`}
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                if (chosen) setFile(chosen);
              }}
            />
            <Caption1 id={`${fileInputId}-hint`}>A CSV or text export of your badge, ERP or HR system.</Caption1>
          </div>
        )}
        {readError && <MessageBar intent="error"><MessageBarBody>The file could not be read: {readError}</MessageBarBody></MessageBar>}
        {savedFits && !savedUsed && step !== 'prepare' && saved && (
          <MessageBar intent="info">
            <MessageBarBody>
              A mapping saved for this resource on {new Date(saved.savedDateTime).toLocaleDateString()} fits this file.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={useSaved}>Use the saved mapping</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {step === 'read' && file && sample && (
          <ReadStep
            file={file}
            sample={sample}
            headerRow={headerRow}
            sourceHeader={sourceHeader}
            onChoice={(change) => setChoice({ ...choice, ...change })}
          />
        )}
        {step === 'map' && (
          <MapStep
            format={format}
            rules={rules}
            sourceHeader={sourceHeader}
            missingRequired={missingRequired}
            neutraliseFormulas={neutraliseFormulas}
            onRule={setRule}
            onNeutraliseFormulas={setNeutraliseFormulas}
          />
        )}
        {step === 'people' && file && buildPlan() && (
          <PeopleStep
            plan={buildPlan()!}
            scanFile={scanFile}
            announce={announce}
            onBack={() => goTo('map')}
            onPrepare={(people) => {
              goTo('prepare');
              start(people);
            }}
          />
        )}
        {step === 'prepare' && file && (
          <PrepareStep
            file={file}
            progress={progress}
            failure={failure}
            outcome={outcome}
            neutraliseFormulas={neutraliseFormulas}
            onNeutraliseAndRetry={() => {
              setNeutraliseFormulas(true);
              start(lastPeople.current, true);
            }}
          />
        )}
        <LiveMessage announcer={announcer} />
      </DialogContent>
      <DialogActions>
        {step === 'read' && (
          <Button appearance="primary" disabledFocusable={!sample || sourceHeader.length === 0} onClick={() => goTo('map')}>
            Next: map columns
          </Button>
        )}
        {step === 'map' && (
          <>
            <Button onClick={() => goTo('read')}>Back</Button>
            {withPeople && (
              <Button appearance="primary" disabledFocusable={missingRequired.length > 0} onClick={() => goTo('people')}>
                Resolve people
              </Button>
            )}
            <Button
              appearance={withPeople ? 'secondary' : 'primary'}
              disabledFocusable={missingRequired.length > 0}
              onClick={() => {
                goTo('prepare');
                start();
              }}
            >
              Prepare
            </Button>
          </>
        )}
        {step === 'prepare' && progress !== undefined && <Button onClick={() => job.current?.cancel()}>Cancel preparing</Button>}
        {step === 'prepare' && progress === undefined && <Button onClick={() => goTo('map')}>Back to the mapping</Button>}
        <Button appearance={outcome ? 'primary' : 'secondary'} onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
