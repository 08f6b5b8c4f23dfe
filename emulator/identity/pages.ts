import { APP_DISPLAY_NAME, TENANT_DISPLAY_NAME } from '../config';
import type { User } from '../store/types';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** Self-contained (no external resources, no script) so it works offline and passes an accessibility scan. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; }
  body { margin: 0; background: Canvas; color: CanvasText; }
  main { max-width: 28rem; margin: 4rem auto; padding: 2rem; border: 1px solid GrayText; border-radius: 8px; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  ul { list-style: none; padding: 0; margin: 1.5rem 0 0; display: grid; gap: 0.75rem; }
  li { display: grid; gap: 0.25rem; }
  button { font: inherit; font-weight: 600; text-align: start; padding: 0.75rem 1rem; border-radius: 4px;
    border: 1px solid ButtonBorder; background: ButtonFace; color: ButtonText; cursor: pointer; }
  button:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .username { font-size: 0.875rem; padding-inline-start: 1rem; }
  .notice { border-inline-start: 4px solid Mark; padding-inline-start: 0.75rem; }
  code { overflow-wrap: anywhere; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function signInPage(action: string, params: URLSearchParams, users: readonly User[], notice?: string): string {
  const hidden = [...params]
    .filter(([name]) => name !== 'username')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const accounts = users
    .map(
      (user, index) => `<li>
<button type="submit" name="username" value="${escapeHtml(user.userPrincipalName)}" aria-describedby="account-${index}">${escapeHtml(user.displayName)}</button>
<span class="username" id="account-${index}">${escapeHtml(user.userPrincipalName)}</span>
</li>`,
    )
    .join('\n');
  return page(
    `Sign in to ${APP_DISPLAY_NAME}`,
    `<h1>Pick an account</h1>
<p>Sign in to <strong>${escapeHtml(APP_DISPLAY_NAME)}</strong> in ${escapeHtml(TENANT_DISPLAY_NAME)}. This is the local Entra ID emulator: demo accounts need no password.</p>
${notice === undefined ? '' : `<p class="notice" role="alert">${escapeHtml(notice)}</p>`}
<form method="post" action="${escapeHtml(action)}">
${hidden}
<ul aria-label="Demo accounts">
${accounts}
</ul>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page(
    'Sign-in error',
    `<h1>Sorry, but we're having trouble signing you in</h1>
<p role="alert"><code>${escapeHtml(message)}</code></p>
<p>The emulator does not send you back to an address the app has not registered.</p>`,
  );
}

export function signedOutPage(): string {
  return page('Signed out', `<h1>You signed out of your account</h1>
<p>It's a good idea to close all browser windows.</p>`);
}
