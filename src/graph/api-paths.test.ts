import { describe, expect, it } from 'vitest';
import { apiPaths } from './api-paths';

describe('apiPaths', () => {
  it('uses the canonical entitlementManagement paths in v1.0', () => {
    const paths = apiPaths('v1.0');
    expect(paths.catalogs()).toBe('/identityGovernance/entitlementManagement/catalogs');
    expect(paths.uploadFile('c1', 'r1', 's1')).toBe(
      '/identityGovernance/entitlementManagement/catalogs/c1/resources/r1/uploadSessions/s1/uploadFile',
    );
  });

  it('uses the current beta accessPackageResources paths in beta', () => {
    const paths = apiPaths('beta');
    expect(paths.catalogs()).toBe('/identityGovernance/catalogs');
    expect(paths.uploadSession('c1', 'r1', 's1')).toBe(
      '/identityGovernance/catalogs/c1/accessPackageResources/r1/uploadSessions/s1',
    );
  });

  it('reads role assignments at the same path in both versions', () => {
    for (const version of ['v1.0', 'beta'] as const) {
      expect(apiPaths(version).roleAssignments()).toBe('/roleManagement/entitlementManagement/roleAssignments');
    }
  });

  it('reads users and directory objects at the same paths in both versions, a UPN encoded', () => {
    for (const version of ['v1.0', 'beta'] as const) {
      expect(apiPaths(version).users()).toBe('/users');
      expect(apiPaths(version).user("o'brien#x@contoso.example")).toBe("/users/o'brien%23x%40contoso.example");
      expect(apiPaths(version).directoryObjectsByIds()).toBe('/directoryObjects/getByIds');
    }
  });

  it('encodes ids so a hostile id cannot change the path', () => {
    expect(apiPaths('v1.0').catalog('../me?x=1#y')).toBe('/identityGovernance/entitlementManagement/catalogs/..%2Fme%3Fx%3D1%23y');
  });
});
