/**
 * The runtime configuration of demo mode and the tests: the real MSAL, pointed at the bundled emulator.
 * The authority host is never contacted (knownAuthorities + authorityMetadata), see docs/msal-offline.md.
 */
export const demoTenantId = '8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d';
export const demoClientId = '4a7e9b21-6c3d-4f8e-a1b2-c3d4e5f60718';
const authorityHost = 'login.emulator.invalid';

export function demoConfig(emulatorOrigin: string, graphApiVersion: 'v1.0' | 'beta' = 'v1.0') {
  const tenantRoot = `${emulatorOrigin}/${demoTenantId}`;
  return {
    clientId: demoClientId,
    authority: `https://${authorityHost}/${demoTenantId}`,
    knownAuthorities: [authorityHost],
    authorityMetadata: {
      issuer: `${tenantRoot}/v2.0`,
      authorization_endpoint: `${tenantRoot}/oauth2/v2.0/authorize`,
      token_endpoint: `${tenantRoot}/oauth2/v2.0/token`,
      end_session_endpoint: `${tenantRoot}/oauth2/v2.0/logout`,
      jwks_uri: `${tenantRoot}/discovery/v2.0/keys`,
    },
    graphBaseUrl: emulatorOrigin,
    graphApiVersion,
    graphScopes: [
      'https://graph.microsoft.com/EntitlementManagement.ReadWrite.All',
      'https://graph.microsoft.com/AccessReview.Read.All',
    ],
    // Demo tokens can be made to last seconds: renew just before they expire, not five minutes early.
    tokenRenewalOffsetSeconds: 5,
  };
}
