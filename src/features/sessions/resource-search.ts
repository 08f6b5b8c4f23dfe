import { z } from 'zod';

/** The resource page's view (filter, sort, page), kept in the address so every view is a bookmark. */
export const resourceSearchSchema = z.object({});

export type ResourceSearch = z.infer<typeof resourceSearchSchema>;
