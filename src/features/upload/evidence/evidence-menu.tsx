import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
} from '@fluentui/react-components';
import { DocumentCheckmarkRegular } from '@fluentui/react-icons';
import { useMsal } from '@azure/msal-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorMessage } from '../../../components/error-message';
import { useGraphClient } from '../../../graph/graph-client-context';
import type { SessionIds } from '../../../graph/upload-sessions';
import { downloadFile } from '../prepare/download-file';
import { evidenceCsv, evidenceFileName, evidenceJson } from './evidence-pack';
import { gatherEvidence } from './gather-evidence';

type EvidenceFormat = 'json' | 'csv';

/**
 * "Download evidence" on every session page: a JSON or CSV manifest of the session and its files, gathered from Graph
 * and this browser's upload journal when asked (evidence-pack.ts), so it is as fresh as Graph's file list.
 */
export function EvidenceMenu({ ids }: { ids: SessionIds }) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  const { instance } = useMsal();
  const download = useMutation({
    mutationFn: async (format: EvidenceFormat) => {
      const account = instance.getActiveAccount();
      const pack = await gatherEvidence(queryClient, client, ids, { homeAccountId: account?.homeAccountId ?? '', username: account?.username ?? '' });
      const text = format === 'json' ? evidenceJson(pack) : evidenceCsv(pack);
      const type = format === 'json' ? 'application/json' : 'text/csv';
      downloadFile(new File([text], evidenceFileName(pack, format), { type }));
    },
  });
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={download.isPending ? <Spinner size="tiny" /> : <DocumentCheckmarkRegular />} disabledFocusable={download.isPending}>
            {download.isPending ? 'Gathering evidence…' : 'Download evidence'}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => download.mutate('json')}>Evidence as JSON</MenuItem>
            <MenuItem onClick={() => download.mutate('csv')}>Evidence as CSV (safe to open in Excel)</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Dialog open={download.isError} onOpenChange={(_, data) => !data.open && download.reset()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>The evidence could not be gathered</DialogTitle>
            <DialogContent>
              <ErrorMessage
                title="Nothing was downloaded"
                error={download.error}
                onRetry={() => download.variables && download.mutate(download.variables)}
              />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => download.reset()}>Close</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
