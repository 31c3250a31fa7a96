import {
  createParamDecorator,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type PipeTransform,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { DomainError, issue } from './domain-error';

/**
 * Optimistic locking. A client reads a record with its `version` (also sent as the ETag) and
 * sends it back on update or delete, as `If-Match: "<version>"` or as `version` in the body. A
 * write against a version that is no longer current is refused with 409 STALE_VERSION and
 * changes nothing; an update without any version is refused with 428 VERSION_REQUIRED.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) {
    throw new DomainError('VALIDATION_FAILED', 'If-Match must be a version number such as "3"', {
      'If-Match': [issue('invalidFormat', 'must be a version such as "3"')],
    });
  }
  return Number(match[1]);
}

/** The If-Match header of the request as a version, if any (deletes, where it is optional). */
export const IfMatchVersion = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  parseIfMatch(ctx.switchToHttp().getRequest<Request>().header('if-match')),
);

/** Picks the version the client read: If-Match or the body's `version`; both must agree. */
export function requireVersion(ifMatch: number | undefined, bodyVersion: number | undefined): number {
  if (ifMatch !== undefined && bodyVersion !== undefined && ifMatch !== bodyVersion) {
    throw new DomainError('VALIDATION_FAILED', 'If-Match and the body version disagree', {
      version: [issue('versionMismatch', 'must equal the If-Match version')],
    });
  }
  const version = ifMatch ?? bodyVersion;
  if (version === undefined) {
    throw new DomainError(
      'VERSION_REQUIRED',
      'Send the version you read, as If-Match or as "version" in the body, so that no update is lost',
    );
  }
  return version;
}

interface VersionSources {
  ifMatch: number | undefined;
  bodyVersion: number | undefined;
}

/**
 * Settles the version of an update once the request's own checks have had their say. The body's
 * validation runs beside this pipe and does no I/O, so it settles within the current turn of
 * the event loop; waiting one turn before refusing lets a request with invalid fields hear about
 * those first, as it did when each route picked its version in the handler (and as RFC 9110
 * §13.2.1 orders it: preconditions after the request's own checks). A malformed If-Match is
 * still refused at once, when the header is read.
 */
class ResolveVersionPipe implements PipeTransform<VersionSources, Promise<number>> {
  async transform({ ifMatch, bodyVersion }: VersionSources): Promise<number> {
    try {
      return requireVersion(ifMatch, bodyVersion);
    } catch (error) {
      await new Promise((resolve) => setImmediate(resolve));
      throw error;
    }
  }
}

const versionSources = createParamDecorator((_data: unknown, ctx: ExecutionContext): VersionSources => {
  const req = ctx.switchToHttp().getRequest<Request>();
  // The body as sent: a `version` that is not a number fails the body's own validation anyway.
  const sent: unknown = (req.body as { version?: unknown } | null | undefined)?.version;
  return { ifMatch: parseIfMatch(req.header('if-match')), bodyVersion: typeof sent === 'number' ? sent : undefined };
});

/**
 * The version the client read, for an update: from If-Match or the body's `version` (both, if
 * sent, must agree: else 400 versionMismatch; neither: 428 VERSION_REQUIRED; a malformed
 * If-Match: 400). The body's `version` field comes from VersionedDto / UpdateDto.
 */
export const ExpectedVersion = (): ParameterDecorator => versionSources(new ResolveVersionPipe());

export function assertVersion(entity: string, current: number, expected: number): void {
  if (current !== expected) {
    throw new DomainError(
      'STALE_VERSION',
      `${entity} was changed by someone else (now version ${current}, you sent ${expected}); reload it and try again`,
      { version: [issue('staleVersion', `current version is ${current}`, { current })] },
    );
  }
}

/** The version a JSON answer carries, when it is one record (a page or a list carries none). */
function versionOf(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const version: unknown = (body as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/**
 * Sends `ETag: "<version>"` with every answer that is one versioned record (a read, a create, an
 * update), so that a client can send it back as If-Match. Registered once for the whole app.
 */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        const version = versionOf(body);
        if (version !== undefined && !res.headersSent) res.setHeader('ETag', `"${version}"`);
      }),
    );
  }
}
