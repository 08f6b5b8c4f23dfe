import { z } from 'zod';
import { comparisonOperators, fileSortKeys, nameOperators } from '../../graph/session-files';

/** Decimal units, the same ones the tables display (formatBytes). The keys are bookmarks' `sizeUnit` values. */
export const sizeUnits = { B: 1, KB: 1_000, MB: 1_000_000, GB: 1_000_000_000 } as const;
export type SizeUnit = keyof typeof sizeUnits;
/** What the size filter shows for each unit: the symbols formatBytes writes ("kB", not "KB"). */
export const sizeUnitLabels: Record<SizeUnit, string> = { B: 'B', KB: 'kB', MB: 'MB', GB: 'GB' };

/**
 * The session page's view of its files (sort, filters, page), kept in the address so every view is a bookmark.
 * A filter applies when its value is present; its operator defaults when missing. Bad values degrade to
 * "no filter" rather than an error page.
 */
export const sessionSearchSchema = z.object({
  sort: z.enum(fileSortKeys).default('uploadedDateTime').catch('uploadedDateTime'),
  dir: z.enum(['asc', 'desc']).default('desc').catch('desc'),
  nameOp: z.enum(nameOperators).optional().catch(undefined),
  name: z.string().min(1).max(400).optional().catch(undefined),
  sizeOp: z.enum(comparisonOperators).optional().catch(undefined),
  size: z.coerce.number().nonnegative().max(1e15).optional().catch(undefined),
  sizeUnit: z.enum(Object.keys(sizeUnits) as [SizeUnit, ...SizeUnit[]]).optional().catch(undefined),
  uploadedOp: z.enum(comparisonOperators).optional().catch(undefined),
  /** UTC, ISO 8601: the bookmark means the same instant in every time zone. */
  uploaded: z.iso.datetime({ offset: true }).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type SessionSearch = z.infer<typeof sessionSearchSchema>;
