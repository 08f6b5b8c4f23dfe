import { z } from 'zod';

const id = z.string().trim().min(1).max(200).optional().catch(undefined);

/**
 * `?create=<instanceId>&createReview=<definitionId>` on the resource page opens "New upload session" with that review
 * instance chosen, so a link from elsewhere (the catalog's readiness section) is one click from creating it. Distinct
 * from the sessions filter's `review`.
 */
export const newSessionSearchSchema = z.object({ create: id, createReview: id });

export type NewSessionSearch = z.infer<typeof newSessionSearchSchema>;
