"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const permissions_1 = require("./permissions");
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
    ])('%s may %s: %s', (role, permission, allowed) => {
        expect((0, permissions_1.hasPermission)(role, permission)).toBe(allowed);
    });
    it('gives liaisons and managers no write permission at all', () => {
        for (const role of ['liaison', 'manager']) {
            expect(permissions_1.ROLE_PERMISSIONS[role].filter((p) => p.endsWith(':write') || p === 'users:manage')).toEqual([]);
        }
    });
    it('names only known permissions and covers every role', () => {
        expect(Object.keys(permissions_1.ROLE_PERMISSIONS).sort()).toEqual([...permissions_1.ROLES].sort());
        for (const granted of Object.values(permissions_1.ROLE_PERMISSIONS)) {
            for (const p of granted)
                expect(permissions_1.PERMISSIONS).toContain(p);
        }
    });
    it('limits coordinators and managers to their own city', () => {
        expect((0, permissions_1.isCityScoped)('coordinator')).toBe(true);
        expect((0, permissions_1.isCityScoped)('manager')).toBe(true);
        expect((0, permissions_1.isCityScoped)('liaison')).toBe(false);
        expect((0, permissions_1.isCityScoped)('admin')).toBe(false);
    });
});
//# sourceMappingURL=permissions.spec.js.map