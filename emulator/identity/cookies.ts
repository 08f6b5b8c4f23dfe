import type { RequestContext } from '../http/context';

const sessionCookie = 'emulator_session';

export function sessionIdFrom(ctx: RequestContext): string | undefined {
  const header = ctx.req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookie) return value.join('=');
  }
  return undefined;
}

/** Lax is enough for the silent iframe: localhost ports are same-site. */
export function setSessionCookie(id: string): string {
  return `${sessionCookie}=${id}; Path=/; HttpOnly; SameSite=Lax`;
}

export function clearSessionCookie(): string {
  return `${sessionCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
