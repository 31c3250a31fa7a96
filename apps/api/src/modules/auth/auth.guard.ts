import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@salkku/shared';
import type { RequestWithActor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { PERMISSION_KEY, PUBLIC_KEY } from '../../common/permissions';
import { SessionsService, tokensEqual } from './sessions.service';

export const SESSION_COOKIE = 'salkku_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate of every route (registered globally):
 * - a route declares @Public() or @RequirePermission(…) / @AnySignedInUser(); one that declares
 *   nothing is refused (fail closed), so a new route cannot ship unguarded;
 * - the session cookie must name a live session (else 401);
 * - a state-changing request must echo the session's CSRF token in X-CSRF-Token (else 403);
 *   a public state-changing request (sign-in) must not come from another site;
 * - the user's role must grant the route's permission (else 403).
 * City scope is not decided here but in each service's queries (another city's id is 404).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
    const permission = this.reflector.getAllAndOverride<Permission | 'signed-in' | undefined>(PERMISSION_KEY, targets);
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    const unsafe = !SAFE_METHODS.has(req.method);

    if (isPublic) {
      if (unsafe && req.header('sec-fetch-site') === 'cross-site') {
        throw new DomainError('CSRF_FAILED', 'Cross-site requests are not accepted');
      }
      return true;
    }
    if (!permission) {
      this.logger.error(`${req.method} ${req.path} declares no permission: refused`);
      throw new DomainError('FORBIDDEN', 'This route declares no permission');
    }

    const token = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    const session = token ? await this.sessions.resolve(token) : null;
    if (!session) throw new DomainError('UNAUTHENTICATED', 'Sign in first (no session, or it has ended)');

    if (unsafe) {
      const sent = req.header(CSRF_HEADER);
      if (!sent || !tokensEqual(sent, session.csrfToken)) {
        throw new DomainError('CSRF_FAILED', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
      }
    }
    if (permission !== 'signed-in' && !session.actor.permissions.includes(permission)) {
      throw new DomainError('FORBIDDEN', `Your role (${session.actor.role}) may not do this`);
    }
    req.actor = session.actor;
    (req as RequestWithActor & { csrfToken?: string }).csrfToken = session.csrfToken;
    return true;
  }
}
