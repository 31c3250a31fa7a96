"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PASSWORD_LENGTH = exports.MIN_PASSWORD_LENGTH = exports.ALL_CITIES_ROLES = exports.ROLE_PERMISSIONS = exports.PERMISSIONS = exports.ROLES = void 0;
exports.permissionsOf = permissionsOf;
exports.hasPermission = hasPermission;
exports.isCityScoped = isCityScoped;
/**
 * Who may do what: the one permission table. The API's guard enforces it on every route; the
 * web app reads it (through GET /api/me) only to hide controls a user cannot use.
 *
 * Scope is separate from permission: coordinators and managers see only their own city's
 * agreements (their organisation is the city); liaisons and admins see every city.
 */
exports.ROLES = ['admin', 'coordinator', 'manager', 'liaison'];
exports.PERMISSIONS = [
    /** Read agreements, priority areas, projects, funding, milestones, status reports, history. */
    'portfolio:read',
    /** Create, update and delete projects, funding decisions, payments, milestones; add status reports. */
    'portfolio:write',
    /** Create, update and delete agreements and priority areas (the portfolio's structure). */
    'agreements:write',
    /** Export CSV summaries. */
    'portfolio:export',
    /** Read organisations (to choose leads, partners, funders). */
    'organisations:read',
    /** Create, update and delete organisations. */
    'organisations:write',
    /** Create, deactivate and reset users. */
    'users:manage',
    /** List every audit event. */
    'audit:read',
];
exports.ROLE_PERMISSIONS = {
    admin: exports.PERMISSIONS,
    coordinator: ['portfolio:read', 'portfolio:write', 'organisations:read'],
    manager: ['portfolio:read', 'portfolio:export', 'organisations:read'],
    liaison: ['portfolio:read', 'organisations:read'],
};
/** Roles that see every city's portfolio; the others see their own city's only. */
exports.ALL_CITIES_ROLES = ['admin', 'liaison'];
function permissionsOf(role) {
    return exports.ROLE_PERMISSIONS[role];
}
function hasPermission(role, permission) {
    return exports.ROLE_PERMISSIONS[role].includes(permission);
}
/** Whether the role's portfolio is limited to the user's own city. */
function isCityScoped(role) {
    return !exports.ALL_CITIES_ROLES.includes(role);
}
/** Passwords: at least this long (and not one of the common passwords). */
exports.MIN_PASSWORD_LENGTH = 12;
exports.MAX_PASSWORD_LENGTH = 256;
//# sourceMappingURL=permissions.js.map