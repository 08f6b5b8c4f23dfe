import { z } from 'zod';
import { sessionStatusFilterValues } from '../../graph/session-status';

export const sessionStatusFilters = ['all', ...sessionStatusFilterValues] as const;
export type SessionStatusFilter = (typeof sessionStatusFilters)[number];

export const sessionPageSizes = [10, 20, 50] as const;
export const defaultSessionPageSize = 20;

/**
 * The resource page's view (filter, sort, page), kept in the address so every view is a bookmark.
 * Every field falls back to its default, so a hand-edited address degrades to the first page, not an error.
 */
export const resourceSearchSchema = z.object({
  status: z.enum(sessionStatusFilters).default('all').catch('all'),
  /** A review instance id: the sessions' `referenceId`. */
  review: z.string().min(1).max(200).optional().catch(undefined),
  sort: z.enum(['desc', 'asc']).default('desc').catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce
    .number()
    .refine((size) => (sessionPageSizes as readonly number[]).includes(size))
    .default(defaultSessionPageSize)
    .catch(defaultSessionPageSize),
});

export type ResourceSearch = z.infer<typeof resourceSearchSchema>;
