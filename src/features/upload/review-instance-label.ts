import { useQuery } from '@tanstack/react-query';
import { instanceNumberOf, reviewDefinitionsQueryOptions, reviewInstancesQueryOptions } from '../../graph/access-reviews';
import { useGraphClient } from '../../graph/graph-client-context';
import type { UploadSession } from '../../graph/schemas';

/**
 * "Quarterly review · Instance 2" for a session, from the cached access review queries; undefined until they answer
 * (or when Graph refuses them: the dialogs then name the instance by its id alone).
 */
export function useReviewInstanceLabel(session: UploadSession): string | undefined {
  const client = useGraphClient();
  const definitionId = session.data?.reviewDefinitionId ?? undefined;
  const instanceId = session.data?.reviewInstanceId ?? session.referenceId ?? undefined;
  const definitions = useQuery({ ...reviewDefinitionsQueryOptions(client), enabled: Boolean(definitionId) });
  const instances = useQuery({ ...reviewInstancesQueryOptions(client, definitionId ?? ''), enabled: Boolean(definitionId) });
  const name = definitions.data?.find((definition) => definition.id === definitionId)?.displayName;
  const number = instanceId && instances.data ? instanceNumberOf(instances.data, instanceId) : undefined;
  if (!name || !number) return undefined;
  return `${name} · Instance ${number}`;
}
