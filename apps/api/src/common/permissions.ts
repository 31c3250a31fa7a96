import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@salkku/shared';

export const PERMISSION_KEY = 'salkku:permission';
export const PUBLIC_KEY = 'salkku:public';

/**
 * The permission a route needs (from the permission table in @salkku/shared). Every route
 * declares either this or @Public(); the auth guard refuses a route that declares neither.
 */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** A route anyone may call without signing in (health, login). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** A route any signed-in user may call whatever their role (their own account: me, logout, password). */
export const AnySignedInUser = () => SetMetadata(PERMISSION_KEY, 'signed-in');
