/**
 * Who may do what: the one permission table. The API's guard enforces it on every route; the
 * web app reads it (through GET /api/me) only to hide controls a user cannot use.
 *
 * Scope is separate from permission: coordinators and managers see only their own city's
 * agreements (their organisation is the city); liaisons and admins see every city.
 */
export const ROLES = ['admin', 'coordinator', 'manager', 'liaison'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Read agreements, priority areas, projects, funding, milestones, status reports, history. */
  'portfolio:read',
  /** Create, update and delete projects, funding decisions, payments, milestones; add status reports. */
  'portfolio:write',
  /** Create, update and delete agreements and priority areas (the portfolio's structure). */
  'agreements:write',
  /** Create, update and delete indicators in the catalogue. */
  'indicators:write',
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
  /** Read the mail outbox: every message, sent or waiting (issue 13). */
  'mail:read',
  /** Open, edit and close reporting rounds (issue 13). */
  'rounds:manage',
  /** Approve or return submitted period reports (the steering group's call; never one's own submission). */
  'reports:review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  coordinator: ['portfolio:read', 'portfolio:write', 'organisations:read', 'rounds:manage'],
  manager: ['portfolio:read', 'portfolio:export', 'organisations:read', 'reports:review'],
  liaison: ['portfolio:read', 'organisations:read'],
};

/** Roles that see every city's portfolio; the others see their own city's only. */
export const ALL_CITIES_ROLES: readonly Role[] = ['admin', 'liaison'];

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Whether the role's portfolio is limited to the user's own city. */
export function isCityScoped(role: Role): boolean {
  return !ALL_CITIES_ROLES.includes(role);
}

/** Passwords: at least this long (and not one of the common passwords). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
