import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './test-support/harness';

const emulator = useEmulator();

function statusVia(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host, port, path: '/_emulator/info' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('listening', () => {
  it('answers on http://localhost, 127.0.0.1 and ::1', async () => {
    expect(emulator.current.url).toBe(`http://localhost:${emulator.current.port}`);
    expect((await fetch(`${emulator.current.url}/_emulator/info`)).status).toBe(200);
    expect(await statusVia('127.0.0.1', emulator.current.port)).toBe(200);
    expect(await statusVia('::1', emulator.current.port)).toBe(200);
  });
});
