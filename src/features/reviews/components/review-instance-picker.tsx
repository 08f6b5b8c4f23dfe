import { Caption1, Field, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime, formatDuration } from '../../../components/format';
import { LoadingRows } from '../../../components/loading-rows';
import type { ReviewInstance } from '../../../graph/schemas';
import { useCatalogReviewDefinitions, useReviewInstances } from '../review-queries';
import { uploadWindowOf } from '../../../graph/review-window';
import { useNow } from '../../../components/use-now';
import { escapeBidi } from '../../../components/bidi';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  instances: { maxHeight: '280px', overflowY: 'auto', paddingRight: tokens.spacingHorizontalS },
  label: { display: 'flex', flexDirection: 'column' },
  open: { color: tokens.colorPaletteGreenForeground1 },
  id: { fontFamily: tokens.fontFamilyMonospace },
});

export interface PickedReview {
  definitionId?: string;
  instanceId?: string;
}

interface ReviewInstancePickerProps {
  catalogId: string;
  value: PickedReview;
  onChange: (value: PickedReview) => void;
}

function InstanceLabel({ instance, now }: { instance: ReviewInstance; now: number }) {
  const styles = useStyles();
  const upload = uploadWindowOf(instance, now);
  const started = instance.startDateTime ? `started ${formatDateTime(instance.startDateTime)}` : 'start time unknown';
  return (
    <span className={styles.label}>
      <Text weight="semibold">
        {instance.status ?? 'Unknown status'} · {started}
      </Text>
      <Caption1 className={styles.id}>{instance.id}</Caption1>
      {upload.open ? (
        <Caption1 className={styles.open}>
          {formatDuration(upload.remainingMs)} left to upload (until {formatDateTime(new Date(upload.closesAt).toISOString())})
        </Caption1>
      ) : (
        <Caption1>{upload.reason}</Caption1>
      )}
    </span>
  );
}

/** The access reviews covering the catalog, and the chosen review's instances with their upload windows. */
export function ReviewInstancePicker({ catalogId, value, onChange }: ReviewInstancePickerProps) {
  const styles = useStyles();
  const now = useNow();
  const definitions = useCatalogReviewDefinitions(catalogId);
  const instances = useReviewInstances(value.definitionId, { choosing: true });
  const firstDefinitionId = definitions.data?.[0]?.id;

  // Start where the work is: the first review, and its first instance that still takes data.
  const firstOpenInstanceId = instances.data?.find((instance) => uploadWindowOf(instance, now).open)?.id;
  useEffect(() => {
    if (!value.definitionId && firstDefinitionId) onChange({ definitionId: firstDefinitionId });
  }, [value.definitionId, firstDefinitionId, onChange]);
  useEffect(() => {
    if (value.definitionId && !value.instanceId && firstOpenInstanceId) onChange({ definitionId: value.definitionId, instanceId: firstOpenInstanceId });
  }, [value.definitionId, value.instanceId, firstOpenInstanceId, onChange]);

  if (definitions.isPending) return <LoadingRows label="Loading access reviews" rows={2} />;
  if (definitions.isError) {
    return <ErrorMessage title="The access reviews could not be loaded" error={definitions.error} onRetry={() => void definitions.refetch()} />;
  }
  if (definitions.data.length === 0) {
    return (
      <EmptyState title="No access reviews cover this catalog">
        Create a catalog access review in the Microsoft Entra admin center, or enter the review's IDs by hand.
      </EmptyState>
    );
  }

  return (
    <div className={styles.root}>
      <Field label="Access review" required>
        <Select value={value.definitionId ?? ''} onChange={(_, data) => onChange({ definitionId: data.value })}>
          {definitions.data.map((definition) => (
            <option key={definition.id} value={definition.id}>
              {escapeBidi(definition.displayName || definition.id)}
            </option>
          ))}
        </Select>
      </Field>
      {instances.isPending && value.definitionId && <LoadingRows label="Loading review instances" rows={3} />}
      {instances.isError && (
        <ErrorMessage title="The review instances could not be loaded" error={instances.error} onRetry={() => void instances.refetch()} />
      )}
      {instances.isSuccess && instances.data.length === 0 && <EmptyState title="This access review has no instances yet" />}
      {instances.isSuccess && instances.data.length > 0 && (
        <Field label="Review instance" required hint="Data can be uploaded only while an instance is initializing, for two hours.">
          <RadioGroup
            className={styles.instances}
            value={value.instanceId ?? ''}
            onChange={(_, data) => onChange({ definitionId: value.definitionId, instanceId: data.value })}
          >
            {instances.data.map((instance) => (
              <Radio
                key={instance.id}
                value={instance.id}
                disabled={!uploadWindowOf(instance, now).open}
                label={<InstanceLabel instance={instance} now={now} />}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
    </div>
  );
}
