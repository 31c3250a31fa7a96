import { hasPermission, isCityScoped, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions';

describe('permission table', () => {
  it.each([
    ['coordinator', 'portfolio:write', true],
    ['coordinator', 'agreements:write', false],
    ['coordinator', 'users:manage', false],
    ['coordinator', 'portfolio:export', false],
    ['manager', 'portfolio:read', true],
    ['manager', 'portfolio:export', true],
    ['manager', 'portfolio:write', false],
    ['liaison', 'portfolio:read', true],
    ['liaison', 'portfolio:write', false],
    ['liaison', 'organisations:write', false],
    ['admin', 'users:manage', true],
    ['admin', 'portfolio:write', true],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(hasPermission(role, permission)).toBe(allowed);
  });

  it('gives liaisons and managers no write permission at all', () => {
    for (const role of ['liaison', 'manager'] as const) {
      expect(ROLE_PERMISSIONS[role].filter((p) => p.endsWith(':write') || p === 'users:manage')).toEqual([]);
    }
  });

  it('names only known permissions and covers every role', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const granted of Object.values(ROLE_PERMISSIONS)) {
      for (const p of granted) expect(PERMISSIONS).toContain(p);
    }
  });

  it('limits coordinators and managers to their own city', () => {
    expect(isCityScoped('coordinator')).toBe(true);
    expect(isCityScoped('manager')).toBe(true);
    expect(isCityScoped('liaison')).toBe(false);
    expect(isCityScoped('admin')).toBe(false);
  });
});
