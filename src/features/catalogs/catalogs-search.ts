import { z } from 'zod';

/** The catalogs page's name filter, and whether its open upload windows list the upcoming ones too, in the address. */
export const catalogsSearchSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  upcoming: z.boolean().default(false).catch(false),
});

export type CatalogsSearch = z.infer<typeof catalogsSearchSchema>;
