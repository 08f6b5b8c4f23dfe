import { z } from 'zod';

/** The catalogs page's name filter, in the address so it survives a reload. */
export const catalogsSearchSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
});

export type CatalogsSearch = z.infer<typeof catalogsSearchSchema>;
