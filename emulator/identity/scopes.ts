import { GRAPH_RESOURCE } from '../config';

const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);
/** Delegated Graph permissions the emulator knows; the demo app is registered (consented) for the first. */
const graphScopes = [
  'EntitlementManagement.ReadWrite.All',
  'EntitlementManagement.Read.All',
  'AccessReview.Read.All',
  'AccessReview.ReadWrite.All',
  'User.Read',
  // The directory look-ups; they need the user's consent first (identity/consent.ts).
  'User.Read.All',
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
];
const registeredScopes = ['EntitlementManagement.ReadWrite.All'];
const graphPrefix = `${GRAPH_RESOURCE}/`;

export interface ScopeGrant {
  /** OIDC scopes asked for (openid, profile, offline_access, email). */
  oidc: string[];
  /** Short Graph permission names, for the access token's `scp`. */
  graph: string[];
  /** The token response's `scope`: granted scopes in the form they were asked for. */
  echoed: string[];
}

export class ScopeError extends Error {}

/**
 * Entra semantics: bare names and `https://graph.microsoft.com/...` both mean Graph; `.default` means the app's
 * registered permissions. With OIDC scopes only, the access token's `scp` names just those, which Graph refuses.
 */
export function resolveScopes(requested: string): ScopeGrant {
  const names = [...new Set(requested.split(' ').filter(Boolean))];
  if (names.length === 0) throw new ScopeError("AADSTS900144: The request body must contain the following parameter: 'scope'.");
  const grant: ScopeGrant = { oidc: [], graph: [], echoed: [] };
  const hasDefault = names.some((n) => n === `${graphPrefix}.default` || n === '.default');
  for (const name of names) {
    if (oidcScopes.has(name)) {
      grant.oidc.push(name);
      grant.echoed.push(name);
      continue;
    }
    const prefixed = name.startsWith(graphPrefix);
    const short = prefixed ? name.slice(graphPrefix.length) : name;
    if (short === '.default') {
      grant.graph.push(...registeredScopes);
      grant.echoed.push(...registeredScopes.map((s) => graphPrefix + s));
      continue;
    }
    const known = graphScopes.find((s) => s.toLowerCase() === short.toLowerCase());
    if (!known || name.includes('://') !== prefixed) {
      throw new ScopeError(`AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope '${name}' does not exist.`);
    }
    if (hasDefault) {
      throw new ScopeError(`AADSTS70011: The scope '${name}' cannot be combined with the resource's '.default' scope.`);
    }
    grant.graph.push(known);
    grant.echoed.push(name);
  }
  grant.graph = [...new Set(grant.graph)];
  grant.echoed = [...new Set(grant.echoed)];
  return grant;
}

/** The access token's `scp`: Graph permissions, or the OIDC scopes when none was asked for. */
export function scpClaim(grant: ScopeGrant): string {
  return (grant.graph.length > 0 ? grant.graph : grant.oidc).join(' ');
}
