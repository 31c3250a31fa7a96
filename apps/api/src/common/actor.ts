import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { PERMISSIONS, type Permission, type Role } from '@salkku/shared';
import type { Request } from 'express';
import { DomainError } from './domain-error';

/**
 * Who is acting: the signed-in user (resolved from the session by the auth guard) or, for work
 * the system does itself (migrations, demo data, the command line), the system actor.
 * Services take the actor on every read and write: reads apply its city scope, writes record
 * it in the audit trail.
 */
export interface Actor {
  /** The user's id; null for the system actor. */
  id: string | null;
  /** Display name (written into status reports as their author, and into audit events). */
  name: string;
  kind: 'system' | 'user';
  role: Role;
  organisationId: string | null;
  /**
   * The one city (organisation id) whose agreements this actor may see, or null for every city.
   * Coordinators and managers are limited to their own city; liaisons and admins are not.
   */
  cityId: string | null;
  permissions: readonly Permission[];
  /** The session this request belongs to (null for the system actor). */
  sessionId: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: null,
  name: 'Salkku',
  kind: 'system',
  role: 'admin',
  organisationId: null,
  cityId: null,
  permissions: PERMISSIONS,
  sessionId: null,
});

export interface RequestWithActor extends Request {
  actor?: Actor;
}

/** Injects the acting user into a controller method (set by the auth guard). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return actor;
});
