/**
 * The user's consent to the directory scopes the console asks for incrementally (docs/graph-contract.md §9.1). The
 * app's registered permissions count as consented by an administrator; these need the signed-in user's consent, given
 * on the first interactive authorize that asks for them, unless a test made that user refuse.
 */
export const consentScopes: readonly string[] = ['User.Read.All', 'GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'];

export interface ConsentState {
  granted: string[];
  refuses: boolean;
}

export class Consents {
  private readonly granted = new Map<string, Set<string>>();
  private readonly refusing = new Set<string>();

  /** The scopes among `graphScopes` (short names) that still need this user's consent. */
  missing(userId: string, graphScopes: readonly string[]): string[] {
    const granted = this.granted.get(userId);
    return graphScopes.filter((scope) => consentScopes.includes(scope) && !(granted?.has(scope) ?? false));
  }

  refuses(userId: string): boolean {
    return this.refusing.has(userId);
  }

  grant(userId: string, scopes: readonly string[]): void {
    const granted = this.granted.get(userId) ?? new Set<string>();
    for (const scope of scopes) if (consentScopes.includes(scope)) granted.add(scope);
    this.granted.set(userId, granted);
  }

  /** For the test control: what the user has consented to (replaced when given) and whether they refuse. */
  set(userId: string, change: { granted?: readonly string[]; refuse?: boolean }): void {
    if (change.granted !== undefined) this.granted.set(userId, new Set(change.granted.filter((s) => consentScopes.includes(s))));
    if (change.refuse === true) this.refusing.add(userId);
    if (change.refuse === false) this.refusing.delete(userId);
  }

  of(userId: string): ConsentState {
    return { granted: [...(this.granted.get(userId) ?? [])], refuses: this.refusing.has(userId) };
  }

  clear(): void {
    this.granted.clear();
    this.refusing.clear();
  }
}
