import { z } from 'zod';

/** Uploads need the entitlement management scope; picking the review instance needs access reviews. */
const defaultGraphScopes = [
  'https://graph.microsoft.com/EntitlementManagement.ReadWrite.All',
  'https://graph.microsoft.com/AccessReview.Read.All',
];

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// address' });

/** The runtime configuration in /config.json: one build serves any tenant, and the demo. */
export const appConfigSchema = z.strictObject({
  clientId: z.uuid({ error: 'must be the application (client) ID of your app registration, a GUID' }),
  authority: httpsUrl,
  knownAuthorities: z.array(z.string().min(1)).optional(),
  /** OpenID metadata given inline (demo and tests): MSAL then never fetches it. */
  authorityMetadata: z
    .union([z.string().min(2), z.record(z.string(), z.unknown())])
    .transform((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .optional(),
  graphBaseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s):// address such as https://graph.microsoft.com' })
    .transform((value) => value.replace(/\/+$/, ''))
    .default('https://graph.microsoft.com'),
  graphApiVersion: z.enum(['v1.0', 'beta']).default('v1.0'),
  graphScopes: z.array(z.string().min(1)).min(1).default(defaultGraphScopes),
  /** Seconds before expiry at which MSAL renews a token; short-lived demo tokens need less than the default 300. */
  tokenRenewalOffsetSeconds: z.number().int().min(0).max(3600).optional(),
});

export type AppConfig = z.output<typeof appConfigSchema>;

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/** Validates raw JSON text; every problem names the field it is about. */
export function parseAppConfig(text: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`config.json is not valid JSON: ${(error as Error).message}`] };
  }
  const result = appConfigSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(top level)';
      return `${field}: ${issue.message}`;
    }),
  };
}

/** Loads /config.json from the app's own origin before anything renders. */
export async function loadAppConfig(url = '/config.json'): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    return { ok: false, problems: [`config.json could not be loaded: ${(error as Error).message}`] };
  }
  if (!response.ok) {
    return { ok: false, problems: [`config.json could not be loaded: the server answered ${response.status}.`] };
  }
  return parseAppConfig(await response.text());
}
