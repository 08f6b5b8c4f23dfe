import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (value: string) => guidPattern.test(value.trim());

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
    showErrors && !isGuid(id) ? 'Enter an object ID like 8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d.' : undefined;
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
