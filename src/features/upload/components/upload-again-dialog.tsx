import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { DisplayName } from '../../../components/display-name';

interface UploadAgainDialogProps {
  /** Names already in the session (or in this visit's uploads); empty when closed. */
  names: string[];
  onUploadAgain: () => void;
  onSkip: () => void;
  onCancel: () => void;
}

/** Graph keeps every upload, so a file sent twice is in the session twice: ask first. */
export function UploadAgainDialog({ names, onUploadAgain, onSkip, onCancel }: UploadAgainDialogProps) {
  return (
    <Dialog open={names.length > 0} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{names.length === 1 ? 'This file is already in the session' : 'These files are already in the session'}</DialogTitle>
          <DialogContent>
            <ul>
              {names.map((name) => (
                <li key={name}>
                  <DisplayName name={name} />
                </li>
              ))}
            </ul>
            Uploading again adds a second copy: the session keeps both, and the review gets their rows twice.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onSkip}>
              Skip {names.length === 1 ? 'it' : 'them'}
            </Button>
            <Button onClick={onUploadAgain}>Upload again</Button>
            <Button appearance="subtle" onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
