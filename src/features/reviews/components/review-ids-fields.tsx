import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { isGuid } from '../../../graph/object-id';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A pasted id may carry spaces around it. */
export const isPastedObjectId = (value: string) => isGuid(value.trim());

export interface ReviewIds {
  definitionId: string;
  instanceId: string;
}

interface ReviewIdsFieldsProps {
  value: ReviewIds;
  onChange: (value: ReviewIds) => void;
  /** Show what is wrong only after the person tried to go on. */
  showErrors: boolean;
}

/** The admin center's way, for reviews the picker cannot list: the two object IDs, pasted. */
export function ReviewIdsFields({ value, onChange, showErrors }: ReviewIdsFieldsProps) {
  const styles = useStyles();
  const problem = (id: string) =>
    showErrors && !isPastedObjectId(id) ? 'Enter an object ID like 8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d.' : undefined;
  return (
    <div className={styles.root}>
      <Field
        label="Access review ID"
        hint="The Object ID on the access review's overview page."
        required
        validationMessage={problem(value.definitionId)}
      >
        <Input value={value.definitionId} onChange={(_, data) => onChange({ ...value, definitionId: data.value })} />
      </Field>
      <Field
        label="Review instance ID"
        hint="The Object ID on the review instance's page."
        required
        validationMessage={problem(value.instanceId)}
      >
        <Input value={value.instanceId} onChange={(_, data) => onChange({ ...value, instanceId: data.value })} />
      </Field>
    </div>
  );
}
