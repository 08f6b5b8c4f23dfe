import { z } from 'zod';

export const pastInstanceChoices = ['last', 'all', 'none'] as const;

/**
 * Which parts of the catalog page's "Reviews that need data" show, in the address so a bookmark keeps them. Open
 * windows always show; a hand-edited value falls back to the default.
 */
export const catalogReadinessSearchSchema = z.object({
  upcoming: z.boolean().default(true).catch(true),
  past: z.enum(pastInstanceChoices).default('last').catch('last'),
});

export type CatalogReadinessSearch = z.infer<typeof catalogReadinessSearchSchema>;
