import { describe, expect, it } from 'vitest';
import { PermissionIdDeriver, permissionIdNamespace, uuidV5 } from './derive-permission-id';

describe('uuidV5', () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', async () => {
    expect(await uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  // Pinned: these ids are in files owners have uploaded; a change here would give their permissions new ids.
  it.each([
    ['Main entrance', '4b2b39f1-71e9-5036-aebb-be8ee6eed4cd'],
    ['Zürich lobby', '9999f473-3087-5850-bcdd-5153d8ccc4e4'],
    ['', 'ed8a2d2e-edf7-5835-8fdc-3adefe175ec9'],
  ])('derives %j under the console namespace as %s', async (name, id) => {
    expect(permissionIdNamespace).toBe('27546f2c-d4f5-471d-b049-654c51d9a5de');
    expect(await uuidV5(name)).toBe(id);
  });
});

describe('PermissionIdDeriver', () => {
  it('gives primed values their ids synchronously, and none to an empty value', async () => {
    const deriver = new PermissionIdDeriver();
    await deriver.prime(['Main entrance', 'Main entrance', '']);
    expect(deriver.get('Main entrance')).toBe('4b2b39f1-71e9-5036-aebb-be8ee6eed4cd');
    expect(deriver.get('')).toBe('');
    expect(() => deriver.get('Garage')).toThrow('prime the batch first');
  });
});
