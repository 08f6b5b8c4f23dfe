import { createHash, randomBytes } from 'node:crypto';

const codeLifetimeMs = 10 * 60_000;
/** Entra gives single-page apps refresh tokens with a fixed 24-hour lifetime. */
export const refreshTokenLifetimeMs = 24 * 3600_000;

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce: string | undefined;
  userId: string;
  expiresAt: number;
  redeemed: boolean;
}

export interface RefreshGrant {
  clientId: string;
  userId: string;
  /** The scopes of the original sign-in; a refresh without `scope` asks for these again. */
  scope: string;
  expiresAt: number;
}

export interface SsoSession {
  userId: string;
}

const opaque = (bytes: number) => randomBytes(bytes).toString('base64url');

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Codes, refresh tokens and browser sessions of the emulated Entra, in memory. */
export class Grants {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly sessions = new Map<string, SsoSession>();

  constructor(private readonly now: () => Date) {}

  issueCode(code: Omit<AuthorizationCode, 'expiresAt' | 'redeemed'>): string {
    const value = opaque(32);
    this.codes.set(value, { ...code, expiresAt: this.now().getTime() + codeLifetimeMs, redeemed: false });
    return value;
  }

  /** Single use: every redemption attempt, even one that then fails on PKCE, consumes the code. */
  redeemCode(value: string): { code?: AuthorizationCode; problem?: 'unknown' | 'redeemed' | 'expired' } {
    const code = this.codes.get(value);
    if (!code) return { problem: 'unknown' };
    if (code.redeemed) return { problem: 'redeemed' };
    code.redeemed = true;
    if (this.now().getTime() >= code.expiresAt) return { problem: 'expired' };
    return { code };
  }

  issueRefreshToken(grant: Omit<RefreshGrant, 'expiresAt'>): string {
    const value = opaque(48);
    this.refreshTokens.set(value, { ...grant, expiresAt: this.now().getTime() + refreshTokenLifetimeMs });
    return value;
  }

  refreshGrant(value: string): { grant?: RefreshGrant; problem?: 'unknown' | 'expired' } {
    const grant = this.refreshTokens.get(value);
    if (!grant) return { problem: 'unknown' };
    if (this.now().getTime() >= grant.expiresAt) {
      this.refreshTokens.delete(value);
      return { problem: 'expired' };
    }
    return { grant };
  }

  /** Rotation: a redeemed refresh token is never accepted again. */
  consumeRefreshToken(value: string): void {
    this.refreshTokens.delete(value);
  }

  startSession(userId: string): string {
    const id = opaque(32);
    this.sessions.set(id, { userId });
    return id;
  }

  session(id: string | undefined): SsoSession | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  endSession(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  revokeRefreshTokens(userId: string): number {
    return this.removeWhere(this.refreshTokens, (g) => g.userId === userId);
  }

  endSessions(userId: string): number {
    return this.removeWhere(this.sessions, (s) => s.userId === userId);
  }

  private removeWhere<T>(map: Map<string, T>, match: (value: T) => boolean): number {
    let removed = 0;
    for (const [key, value] of map) {
      if (match(value)) {
        map.delete(key);
        removed += 1;
      }
    }
    return removed;
  }
}
