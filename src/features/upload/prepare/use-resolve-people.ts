import { useCallback, useEffect, useRef, useState } from 'react';
import { useLookupConsent } from '../../../auth/consent';
import type { ChunkProgress } from '../../../graph/batch-runner';
import { getDirectoryObjectsByIds } from '../../../graph/directory-objects';
import { withScopes } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { findUsersBy, type UserLookupProperty } from '../../../graph/users';
import { classifyScanInSlices, detectKind, valuesToLookUp, type PeopleOutcomes } from './people-outcomes';
import { classifyOwners, lookUpOwners, needsGroups, type OwnerOutcomes } from './owner-outcomes';
import type { PrincipalScan } from './people-scan';
import type { WorkerJob } from './prepare-client';
import type { PreparePlan } from './prepare-pipeline';

export type ResolvePhase = 'scanning' | 'ready' | 'consent' | 'lookingUp' | 'done' | 'refused' | 'failed';

export interface ResolveState {
  phase: ResolvePhase;
  scan?: PrincipalScan;
  kind: UserLookupProperty;
  progress?: ChunkProgress;
  outcomes?: PeopleOutcomes;
  /** Per mapped owner column, what its owners resolved to. */
  owners?: OwnerOutcomes[];
  /** Lookups started so far: each run's outcomes are told apart (the page marks them, data-lookup-run). */
  run: number;
  /** Why consent was refused or the step failed (with the AADSTS code when there is one). */
  problem?: { code?: string; message: string };
}

/** Progress reaches the page at most this often: a batch answers 300 people at a time, thousands of times a run. */
const progressEveryMs = 100;

/**
 * The "Resolve people" step: the worker lists the file's people (people-scan.ts), the owner consents to reading users,
 * and Graph is asked in bulk (src/graph/users.ts, directory-objects.ts); every row ends in an outcome.
 */
export function useResolvePeople(scanFile: (plan: PreparePlan) => WorkerJob<PrincipalScan>, plan: PreparePlan) {
  const client = useGraphClient();
  const askConsent = useLookupConsent();
  const [state, setState] = useState<ResolveState>({ phase: 'scanning', kind: 'mail', run: 0 });
  const running = useRef<AbortController>(undefined);
  const planRef = useRef(plan);

  useEffect(() => {
    const job = scanFile(planRef.current);
    job.outcome.then(
      (scan) => setState({ phase: 'ready', scan, run: 0, kind: detectKind(scan.sourceColumn, scan.values.slice(0, 200).map((value) => value.value)) }),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setState((previous) => ({ ...previous, phase: 'failed', problem: { message: error instanceof Error ? error.message : String(error) } }));
      },
    );
    return () => {
      job.cancel();
      running.current?.abort();
    };
  }, [scanFile]);

  const lookUp = useCallback(
    async (kind: UserLookupProperty) => {
      const scan = state.scan;
      if (!scan) return;
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setState((previous) => ({ ...previous, kind, phase: 'consent', problem: undefined, outcomes: undefined, owners: undefined, run: previous.run + 1 }));
      // GroupMember.Read.All only when group owners are to be looked up.
      const { scopes, result } = await askConsent({ groups: needsGroups(scan) });
      if (controller.signal.aborted) return;
      if (!result.granted) {
        setState((previous) => ({ ...previous, phase: 'refused', problem: { code: result.code, message: result.message } }));
        return;
      }
      const lookupClient = withScopes(client, scopes);
      const { ids, values } = valuesToLookUp(scan);
      const counts = { ids: { done: 0, total: ids.length, failed: 0 }, values: { done: 0, total: values.length, failed: 0 } };
      let shownAt = 0;
      const show = (force = false) => {
        const now = performance.now();
        if (!force && now - shownAt < progressEveryMs) return;
        shownAt = now;
        const progress = {
          done: counts.ids.done + counts.values.done,
          total: counts.ids.total + counts.values.total,
          failed: counts.ids.failed + counts.values.failed,
        };
        setState((previous) => ({ ...previous, phase: 'lookingUp', progress }));
      };
      show(true);
      try {
        // Both at once: the ids' getByIds calls go beside the users' batches. Users only: a group id is no principal.
        // Owners are few beside the people: their requests go along, without progress of their own.
        const [byId, byValue, ownerLookups] = await Promise.all([
          getDirectoryObjectsByIds(lookupClient, ids, ['user'], { signal: controller.signal, onProgress: (progress) => ((counts.ids = progress), show()) }),
          findUsersBy(lookupClient, kind, values, { signal: controller.signal, onProgress: (progress) => ((counts.values = progress), show()) }),
          scan.owners.length > 0 ? lookUpOwners(lookupClient, scan, { signal: controller.signal }) : undefined,
        ]);
        show(true);
        const outcomes = await classifyScanInSlices(scan, kind, { byId, byValue });
        const owners = ownerLookups ? classifyOwners(scan, ownerLookups) : undefined;
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, phase: 'done', outcomes, owners }));
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, phase: 'failed', problem: { message: error instanceof Error ? error.message : String(error) } }));
      } finally {
        if (running.current === controller) running.current = undefined;
      }
    },
    [askConsent, client, state.scan],
  );

  const cancel = useCallback(() => {
    running.current?.abort(new DOMException('The lookup was cancelled.', 'AbortError'));
    running.current = undefined;
    setState((previous) => ({ ...previous, phase: 'ready', progress: undefined }));
  }, []);

  const setKind = useCallback((kind: UserLookupProperty) => setState((previous) => ({ ...previous, kind })), []);

  return { state, lookUp, cancel, setKind };
}
