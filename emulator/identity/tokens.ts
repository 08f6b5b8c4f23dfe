import { createHash, randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, errors, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { APP_DISPLAY_NAME, CLIENT_ID, GRAPH_APP_ID, GRAPH_RESOURCE, TENANT_ID } from '../config';
import type { User } from '../store/types';

/** Entra issues v1.0 access tokens for Graph (its accessTokenAcceptedVersion), whatever endpoint asked for them. */
const accessTokenIssuer = `https://sts.windows.net/${TENANT_ID}/`;

export function idTokenIssuer(origin: string): string {
  return `${origin}/${TENANT_ID}/v2.0`;
}

export interface SigningKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
}

/** A new RS256 key on every start: tokens from an earlier run fail signature validation, as after a key rollover. */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  return { privateKey, publicKey, publicJwk, kid: await calculateJwkThumbprint(publicJwk) };
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const tokenId = () => randomBytes(16).toString('base64url');

/** Entra's `sub` is pairwise: stable per user and app, different from the oid. */
function pairwiseSubject(user: User): string {
  return createHash('sha256').update(`${user.id}:${CLIENT_ID}`).digest('base64url').slice(0, 43);
}

export async function signAccessToken(key: SigningKey, user: User, scp: string, lifetimeSeconds: number, now: Date): Promise<string> {
  const iat = seconds(now);
  return new SignJWT({
    aud: GRAPH_RESOURCE,
    iss: accessTokenIssuer,
    iat,
    nbf: iat,
    exp: iat + lifetimeSeconds,
    tid: TENANT_ID,
    oid: user.id,
    sub: pairwiseSubject(user),
    upn: user.userPrincipalName,
    unique_name: user.userPrincipalName,
    preferred_username: user.userPrincipalName,
    name: user.displayName,
    given_name: user.givenName,
    family_name: user.surname,
    scp,
    appid: CLIENT_ID,
    app_displayname: APP_DISPLAY_NAME,
    appidacr: '0',
    idtyp: 'user',
    uti: tokenId(),
    ver: '1.0',
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);
}

export async function signIdToken(key: SigningKey, user: User, issuer: string, nonce: string | undefined, now: Date): Promise<string> {
  const iat = seconds(now);
  const claims: Record<string, unknown> = {
    aud: CLIENT_ID,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + 3600,
    tid: TENANT_ID,
    oid: user.id,
    sub: pairwiseSubject(user),
    preferred_username: user.userPrincipalName,
    name: user.displayName,
    uti: tokenId(),
    ver: '2.0',
  };
  if (nonce !== undefined) claims.nonce = nonce;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}

/** MSAL builds the account's home id from this: `{uid}.{utid}`. */
export function clientInfo(user: User): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: TENANT_ID })).toString('base64url');
}

export interface VerifiedToken {
  oid: string;
  scopes: Set<string>;
}

/** Graph's checks: signature, lifetime, audience, issuer. Throws an Error whose message Graph would give. */
export async function verifyAccessToken(key: SigningKey, token: string, now: Date): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['RS256'],
      audience: [GRAPH_RESOURCE, GRAPH_APP_ID],
      issuer: accessTokenIssuer,
      currentDate: now,
    });
    if (typeof payload.oid !== 'string') throw new Error('Access token validation failure: the token has no oid.');
    const scp = typeof payload.scp === 'string' ? payload.scp : '';
    return { oid: payload.oid, scopes: new Set(scp.split(' ').filter(Boolean)) };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new Error('Lifetime validation failed, the token is expired.', { cause: error });
    if (error instanceof errors.JWTClaimValidationFailed) {
      throw new Error(`Access token validation failure. Invalid ${error.claim === 'aud' ? 'audience' : `'${error.claim}' claim`}.`, { cause: error });
    }
    if (error instanceof errors.JOSEError) {
      throw new Error('Access token validation failure: the signature is invalid or the token is malformed.', { cause: error });
    }
    throw error;
  }
}
