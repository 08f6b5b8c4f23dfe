import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { explainActionDenied, isAccessDenied } from '../../../components/catalog-access';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../components/format';
import type { GraphError } from '../../../graph/graph-error';
import type { ResourceIds } from '../../../graph/resources';
import type { OpenedSession } from '../../../graph/upload-sessions';
import { oneSessionRule, useExistingUploadSession, useOpenOrCreateUploadSession } from '../review-queries';
import { isPastedObjectId, ReviewIdsFields, type ReviewIds } from './review-ids-fields';
import { ReviewInstancePicker, type PickedReview } from './review-instance-picker';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minHeight: '240px' },
});

const explainCreateError = (error: GraphError) => (error.status === 409 ? oneSessionRule : explainActionDenied(error));

interface NewSessionDialogProps extends ResourceIds {
  onDone: (opened: OpenedSession) => void;
  onCancel: () => void;
  /** The review and instance to start with (a link asked for them). */
  initial?: PickedReview;
}

/** Pick the review instance (or paste its IDs); opens the instance's session if it has one, creates it otherwise. */
export function NewSessionDialog({ catalogId, resourceId, onDone, onCancel, initial }: NewSessionDialogProps) {
  const styles = useStyles();
  const [mode, setMode] = useState<'pick' | 'ids'>('pick');
  const [picked, setPicked] = useState<PickedReview>(() => initial ?? {});
  const [typed, setTyped] = useState<ReviewIds>({ definitionId: '', instanceId: '' });
  const [triedTyped, setTriedTyped] = useState(false);
  const mutation = useOpenOrCreateUploadSession({ catalogId, resourceId });
  const onPick = useCallback((value: PickedReview) => setPicked(value), []);

  const reference =
    mode === 'pick'
      ? picked.definitionId && picked.instanceId
        ? { reviewDefinitionId: picked.definitionId, reviewInstanceId: picked.instanceId }
        : undefined
      : isPastedObjectId(typed.definitionId) && isPastedObjectId(typed.instanceId)
        ? { reviewDefinitionId: typed.definitionId.trim(), reviewInstanceId: typed.instanceId.trim() }
        : undefined;
  const existing = useExistingUploadSession({ catalogId, resourceId }, reference?.reviewInstanceId);

  const submit = () => {
    if (mode === 'ids') setTriedTyped(true);
    if (!reference) return;
    mutation.mutate(reference, { onSuccess: onDone });
  };

  return (
    <DialogSurface aria-describedby={undefined}>
      <form
        // The fields are checked here, with messages that say what an ID looks like.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <DialogBody>
          <DialogTitle>New upload session</DialogTitle>
          <DialogContent className={styles.content}>
            <TabList selectedValue={mode} onTabSelect={(_, data) => setMode(data.value === 'ids' ? 'ids' : 'pick')}>
              <Tab value="pick">Pick a review</Tab>
              <Tab value="ids">Enter IDs</Tab>
            </TabList>
            {mode === 'pick' ? (
              <ReviewInstancePicker catalogId={catalogId} value={picked} onChange={onPick} />
            ) : (
              <ReviewIdsFields value={typed} onChange={setTyped} showErrors={triedTyped} />
            )}
            {existing.data && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  This review instance already has an upload session ({existing.data.status ?? 'unknown status'}
                  {existing.data.createdDateTime && `, created ${formatDateTime(existing.data.createdDateTime)}`}). Only one
                  session can exist per review instance and resource, so it will be opened.
                </MessageBarBody>
              </MessageBar>
            )}
            {mutation.isError && (
              <ErrorMessage title="The upload session could not be created" error={mutation.error} explain={explainCreateError} />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button
              appearance="primary"
              type="submit"
              // After a 403 another try meets the same refusal.
              disabled={mutation.isPending || isAccessDenied(mutation.error) || (mode === 'pick' && !reference)}
            >
              {mutation.isPending ? <Spinner size="tiny" label="Working…" /> : existing.data ? 'Open session' : 'Create session'}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}
