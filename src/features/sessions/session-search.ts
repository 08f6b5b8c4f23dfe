import { z } from 'zod';

/** The session page's view of its files (sort, filters), kept in the address so every view is a bookmark. */
export const sessionSearchSchema = z.object({});

export type SessionSearch = z.infer<typeof sessionSearchSchema>;
