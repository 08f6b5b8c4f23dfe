import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAppConfig, parseAppConfig } from './app-config';

const valid = {
  clientId: '4a7e9b21-6c3d-4f8e-a1b2-c3d4e5f60718',
  authority: 'https://login.microsoftonline.com/8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d',
};

describe('parseAppConfig', () => {
  it('fills the defaults for Graph', () => {
    const result = parseAppConfig(JSON.stringify(valid));
    expect(result).toEqual({
      ok: true,
      config: {
        ...valid,
        graphBaseUrl: 'https://graph.microsoft.com',
        graphApiVersion: 'v1.0',
        graphScopes: [
          'https://graph.microsoft.com/EntitlementManagement.ReadWrite.All',
          'https://graph.microsoft.com/AccessReview.Read.All',
        ],
      },
    });
  });

  it('turns inline authority metadata into the JSON string MSAL expects and trims the base URL', () => {
    const result = parseAppConfig(
      JSON.stringify({ ...valid, authorityMetadata: { issuer: 'x' }, graphBaseUrl: 'http://localhost:4010/', graphApiVersion: 'beta' }),
    );
    if (!result.ok) throw new Error(result.problems.join());
    expect(result.config.authorityMetadata).toBe('{"issuer":"x"}');
    expect(result.config.graphBaseUrl).toBe('http://localhost:4010');
    expect(result.config.graphApiVersion).toBe('beta');
  });

  it('names each wrong field', () => {
    const result = parseAppConfig(
      JSON.stringify({ clientId: 'not-a-guid', authority: 'http://login.example/tenant', graphApiVersion: 'v2', extra: 1 }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^clientId: must be the application \(client\) ID/),
        expect.stringMatching(/^authority: must be an https:\/\/ address/),
        expect.stringMatching(/^graphApiVersion: /),
        expect.stringMatching(/extra/),
      ]),
    );
  });

  it('reports a missing field and invalid JSON', () => {
    const missing = parseAppConfig(JSON.stringify({ authority: valid.authority }));
    expect(missing.ok === false && missing.problems[0]).toMatch(/^clientId: /);
    const broken = parseAppConfig('{ "clientId": ');
    expect(broken.ok === false && broken.problems[0]).toMatch(/^config\.json is not valid JSON/);
  });
});

describe('loadAppConfig', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says when the file is missing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('not found', { status: 404 })));
    expect(await loadAppConfig()).toEqual({ ok: false, problems: ['config.json could not be loaded: the server answered 404.'] });
  });

  it('parses what the server sends', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(valid)));
    vi.stubGlobal('fetch', fetchMock);
    const result = await loadAppConfig();
    expect(result.ok).toBe(true);
    expect(fetchMock).toHaveBeenCalledWith('/config.json', { cache: 'no-store' });
  });
});
