import { Field, Switch } from '@fluentui/react-components';

interface NotificationSwitchProps {
  supported: boolean;
  enabled: boolean;
  problem?: string;
  onChange: (on: boolean) => void;
}

/** The opt-in for browser notifications; turning it on is what asks the browser for permission. */
export function NotificationSwitch({ supported, enabled, problem, onChange }: NotificationSwitchProps) {
  return (
    <Field
      validationState={problem ? 'warning' : 'none'}
      validationMessage={problem ?? (supported ? undefined : 'This browser cannot show notifications.')}
    >
      <Switch
        label="Notify me when a window opens, and 15 minutes before one closes with a session not finalized"
        checked={enabled}
        disabled={!supported}
        onChange={(_, data) => onChange(data.checked)}
      />
    </Field>
  );
}
