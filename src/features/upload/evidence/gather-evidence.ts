import type { QueryClient } from '@tanstack/react-query';
import { reviewDefinitionsQueryOptions, reviewInstancesQueryOptions } from '../../../graph/access-reviews';
import { catalogQueryOptions } from '../../../graph/catalogs';
import type { GraphClient } from '../../../graph/graph-client';
import { resourceQueryOptions } from '../../../graph/resources';
import { allSessionFilesQueryOptions } from '../../../graph/session-files';
import type { SessionIds } from '../../../graph/upload-sessions';
import { readJournal, type JournalEntry } from '../journal/upload-journal';
import { buildEvidence, type EvidencePack } from './evidence-pack';

export interface EvidenceAccount {
  /** MSAL's home account id: the journal's key. */
  homeAccountId: string;
  /** The user principal name shown as "uploaded by". */
  username: string;
}

/** This account's journal of the session; an unreadable journal (private mode, blocked storage) reads as empty. */
async function journalOf(account: EvidenceAccount, sessionId: string): Promise<JournalEntry[]> {
  try {
    return await readJournal(account.homeAccountId, sessionId);
  } catch {
    return [];
  }
}

/**
 * Everything the evidence needs, asked of Graph now (the files always fresh, the rest from the cache when there):
 * the session with all its files, the catalog, the resource, and the review definition and instance it belongs to.
 * The review's names are a courtesy: without the access-review permission they stay blank, the ids remain.
 */
export async function gatherEvidence(queryClient: QueryClient, client: GraphClient, ids: SessionIds, account: EvidenceAccount): Promise<EvidencePack> {
  const [{ session, files }, catalog, resource, journal] = await Promise.all([
    queryClient.fetchQuery(allSessionFilesQueryOptions(client, ids)),
    queryClient.fetchQuery(catalogQueryOptions(client, ids.catalogId)),
    queryClient.fetchQuery(resourceQueryOptions(client, ids)),
    journalOf(account, ids.sessionId),
  ]);
  const definitionId = session.data?.reviewDefinitionId;
  const instanceId = session.data?.reviewInstanceId ?? session.referenceId;
  const [definitions, instances] = definitionId
    ? await Promise.all([
        queryClient.fetchQuery(reviewDefinitionsQueryOptions(client)).catch(() => []),
        queryClient.fetchQuery(reviewInstancesQueryOptions(client, definitionId)).catch(() => []),
      ])
    : [[], []];
  return buildEvidence({
    catalog,
    resource,
    session,
    definition: definitions.find((definition) => definition.id === definitionId),
    instance: instances.find((instance) => instance.id === instanceId),
    files,
    journal,
    account: account.username,
    now: new Date(),
  });
}
