/**
 * Who may do what: the one permission table. The API's guard enforces it on every route; the
 * web app reads it (through GET /api/me) only to hide controls a user cannot use.
 *
 * Scope is separate from permission: coordinators and managers see only their own city's
 * agreements (their organisation is the city); liaisons and admins see every city.
 */
export declare const ROLES: readonly ["admin", "coordinator", "manager", "liaison"];
export type Role = (typeof ROLES)[number];
export declare const PERMISSIONS: readonly ["portfolio:read", "portfolio:write", "agreements:write", "portfolio:export", "organisations:read", "organisations:write", "users:manage", "audit:read"];
export type Permission = (typeof PERMISSIONS)[number];
export declare const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>>;
/** Roles that see every city's portfolio; the others see their own city's only. */
export declare const ALL_CITIES_ROLES: readonly Role[];
export declare function permissionsOf(role: Role): readonly Permission[];
export declare function hasPermission(role: Role, permission: Permission): boolean;
/** Whether the role's portfolio is limited to the user's own city. */
export declare function isCityScoped(role: Role): boolean;
/** Passwords: at least this long (and not one of the common passwords). */
export declare const MIN_PASSWORD_LENGTH = 12;
export declare const MAX_PASSWORD_LENGTH = 256;
