import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, issue } from './domain-error';

/**
 * Optimistic locking. A client reads a record with its `version` (also sent as the ETag) and
 * sends it back on update or delete, as `If-Match: "<version>"` or as `version` in the body. A
 * write against a version that is no longer current is refused with 409 STALE_VERSION and
 * changes nothing; a write without any version is refused with 428 VERSION_REQUIRED.
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

/** The If-Match header of the request as a version, if any. */
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

export function assertVersion(entity: string, current: number, expected: number): void {
  if (current !== expected) {
    throw new DomainError(
      'STALE_VERSION',
      `${entity} was changed by someone else (now version ${current}, you sent ${expected}); reload it and try again`,
      { version: [issue('staleVersion', `current version is ${current}`, { current })] },
    );
  }
}

export function setEtag(res: Response, version: number): void {
  res.setHeader('ETag', `"${version}"`);
}
