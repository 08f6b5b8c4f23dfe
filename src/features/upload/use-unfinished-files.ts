import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useGraphClient } from '../../graph/graph-client-context';
import { allSessionFilesQueryOptions } from '../../graph/session-files';
import type { SessionIds } from '../../graph/upload-sessions';
import type { QueueJournal } from './journal/queue-journal';
import { reconcileUnfinished, type UnfinishedFiles } from './journal/resume';
import { isUnfinished } from './journal/upload-journal';

/**
 * What an earlier visit to this session left unfinished (the journal's queued and sending files), reconciled once, when
 * the page opens, with the files Graph holds: those found are marked arrived in the journal, the rest are missing.
 * Not a Graph entity: the key names the journal (IndexedDB), read once per page.
 */
export function useUnfinishedFiles(journal: QueueJournal | undefined, ids: SessionIds) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['upload-journal', journal?.journal.accountId, ids.sessionId, 'unfinished'],
    enabled: journal !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    queryFn: async (): Promise<UnfinishedFiles> => {
      const entries = (await journal?.journal.list()) ?? [];
      if (!entries.some(isUnfinished)) return { arrived: [], missing: [] };
      const stored = (await queryClient.fetchQuery({ ...allSessionFilesQueryOptions(client, ids), staleTime: 0 })).files;
      const unfinished = reconcileUnfinished(entries, stored);
      for (const entry of unfinished.arrived) journal?.markArrived(entry);
      return unfinished;
    },
  });
}
