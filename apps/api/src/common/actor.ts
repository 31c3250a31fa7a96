import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * Who is acting. Every write receives the actor from the request context, so that roles and
 * an audit trail can be added without reshaping the services. Until login exists every request
 * acts as the fixed system actor.
 */
export interface Actor {
  /** The user's id; null for the system actor. */
  id: string | null;
  /** Display name, written into status reports as their author. */
  name: string;
  kind: 'system' | 'user';
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ id: null, name: 'Salkku', kind: 'system' });

export interface RequestWithActor extends Request {
  actor?: Actor;
}

/** Sets the acting user on the request (the system actor until sessions exist). */
export function actorMiddleware(req: RequestWithActor, _res: unknown, next: () => void): void {
  req.actor = SYSTEM_ACTOR;
  next();
}

/** Injects the acting user into a controller method. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<RequestWithActor>();
  return req.actor ?? SYSTEM_ACTOR;
});
