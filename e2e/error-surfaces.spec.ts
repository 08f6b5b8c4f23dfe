import { appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';

/** The demo's active session: Badge Access Data, weekly badge attestation (it holds the seed's files). */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);

test.describe('what a failure shows', () => {
  test('a request whose connection is cut shows the client-request-id it was sent with, and the time', async ({ page, emulator, allowFailedRequests }) => {
    allowFailedRequests(new RegExp(`^net::ERR_CONNECTION_RESET PATCH \\S+/uploadSessions/${sessionId}$`));
    await page.goto(sessionUrl);
    await signIn(page);
    const finalize = page.getByRole('button', { name: 'Finalize session' });
    await expect(finalize).toBeEnabled();

    // The finalize PATCH never reaches the emulator: the connection is reset on the way, as a proxy would.
    const sent: string[] = [];
    await page.route(
      (url) => url.pathname.endsWith(`/uploadSessions/${sessionId}`),
      async (route) => {
        if (route.request().method() !== 'PATCH') return route.fallback();
        sent.push(route.request().headers()['client-request-id'] ?? '');
        return route.abort('connectionreset');
      },
    );
    await emulator.clearRequests();
    await finalize.click();
    const dialog = page.getByRole('dialog', { name: 'Finalize this upload session?' });
    await dialog.getByRole('button', { name: 'Finalize session' }).click();

    const alert = dialog.getByRole('alert').filter({ hasText: 'The session could not be finalized' });
    await expect(alert).toContainText('Code: networkError');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    await expect(alert).toContainText(`Client request ID: ${sent[0]}`);
    await expect(alert).toContainText(/Time: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT/);
    // A write that got no answer is never sent again, and the emulator never saw this one.
    expect((await emulator.requests()).filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect((await emulator.session(sessionId))?.status).toBe('active');
  });

  test("a sign-in Entra refuses shows its AADSTS code, trace id, correlation id and time, not MSAL's text", async ({ page, emulator, allowFailedRequests }) => {
    allowFailedRequests(/^400 POST \S+\/oauth2\/v2\.0\/token(\?\S*)?$/);
    await emulator.addFault({
      method: 'POST',
      path: '/oauth2/v2.0/token$',
      status: 400,
      body: { code: 'invalid_grant', message: 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.' },
    });
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/oauth2/v2.0/token') && response.request().method() === 'POST');
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: demoUsers.owner.displayName }).click();
    const refused = (await (await answer).json()) as { trace_id: string; correlation_id: string; timestamp: string };

    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in did not complete' });
    await expect(alert).toContainText('Microsoft Entra ID refused the sign-in: The provided authorization code or refresh token has expired due to inactivity.');
    await expect(alert).toContainText('Code: AADSTS70008 (invalid_grant)');
    await expect(alert).toContainText(`Trace ID: ${refused.trace_id}`);
    await expect(alert).toContainText(`Correlation ID: ${refused.correlation_id}`);
    await expect(alert).toContainText(`Time: ${refused.timestamp}`);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });
});
