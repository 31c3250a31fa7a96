import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DomainError, issue, type FieldIssues } from './domain-error';

/**
 * How the API reads request bodies, in front of every route. Only JSON is read: Nest's own
 * parsers (which also read form-encoded bodies, so a cross-site form could sign a victim in) are
 * switched off. Bodies and query strings are refused before validation walks them when they are
 * too large, nested too deep, or carry control characters.
 */

/** Largest body: the longest texts (10 000 characters, up to 4 bytes each) with room to spare. */
export const MAX_BODY_BYTES = 512 * 1024;

/** Deepest nesting of objects and arrays in a body; the deepest real body has 3 levels. */
export const MAX_JSON_DEPTH = 32;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A body is present when its length is above zero or it is sent in chunks of unknown length. */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isNaN(length) || length > 0;
}

/** Write requests with a body must send it as application/json (415 otherwise); GET ignores bodies. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (!WRITE_METHODS.has(req.method) || !hasBody(req) || req.is('application/json') === 'application/json') {
    next();
    return;
  }
  next(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON (Content-Type: application/json)'));
}

/**
 * The nesting depth of a JSON text, counted over its raw bytes without parsing it (brackets
 * inside strings do not count). Stops as soon as the limit is passed.
 */
export function exceedsJsonDepth(raw: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

class TooDeep extends Error {}

/** body-parser's own errors, as Salkku's errors. */
function bodyError(error: unknown): unknown {
  if (error instanceof TooDeep) {
    return new DomainError(
      'PAYLOAD_TOO_LARGE',
      `The request body is nested too deep (at most ${MAX_JSON_DEPTH} levels)`,
    );
  }
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    return new DomainError('PAYLOAD_TOO_LARGE', `The request body is too large (at most ${MAX_BODY_BYTES / 1024} kB)`);
  }
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON in UTF-8');
  }
  return error;
}

/** The JSON body parser: size and depth limited. */
export function jsonBody(): RequestHandler {
  const parse = express.json({
    limit: MAX_BODY_BYTES,
    type: 'application/json',
    verify: (_req, _res, raw) => {
      if (exceedsJsonDepth(raw, MAX_JSON_DEPTH)) throw new TooDeep();
    },
  });
  return (req, res, next) => parse(req, res, (error?: unknown) => next(error ? bodyError(error) : undefined));
}

/**
 * C0 control characters (U+0000–U+001F) and DEL: never in a query parameter; in a body, tab, line
 * feed and carriage return are allowed (multi-line texts), the others never.
 */
// eslint-disable-next-line no-control-regex
const QUERY_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Half of a UTF-16 surrogate pair without its other half: not text at all (validators throw on it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a text, if anything. */
function textIssue(text: string, control: RegExp, what: string): FieldIssues[string] | null {
  if (control.test(text)) {
    return [issue('controlCharacter', `the ${what} contains a control character that is not allowed`)];
  }
  if (LONE_SURROGATE.test(text)) {
    return [issue('invalidFormat', `the ${what} is not valid Unicode text (a lone surrogate)`)];
  }
  return null;
}

/** Adds an issue for every text (or key) under `value` that has a character it may not have. */
function findBadCharacters(value: unknown, path: string, control: RegExp, into: FieldIssues, depth = 0): void {
  if (typeof value === 'string') {
    const found = textIssue(value, control, 'text');
    if (found) into[path || 'body'] = found;
    return;
  }
  if (typeof value !== 'object' || value === null || depth > MAX_JSON_DEPTH) return;
  for (const [key, item] of Object.entries(value)) {
    const keyIssue = textIssue(key, control, 'field name');
    const safeKey = keyIssue ? JSON.stringify(key).slice(1, -1) : key;
    const itemPath = path ? `${path}.${safeKey}` : safeKey;
    if (keyIssue) into[itemPath] = keyIssue;
    findBadCharacters(item, itemPath, control, into, depth + 1);
  }
}

/**
 * Refuses query parameters and JSON texts with control characters or broken Unicode (lone
 * surrogates): 400 with a problem on each field.
 */
export function rejectControlCharacters(req: Request, _res: Response, next: NextFunction): void {
  const issues: FieldIssues = {};
  findBadCharacters(req.query, '', QUERY_CONTROL, issues);
  findBadCharacters(req.body, '', BODY_CONTROL, issues);
  if (Object.keys(issues).length === 0) {
    next();
    return;
  }
  next(new DomainError('VALIDATION_FAILED', 'The request contains control characters that are not allowed', issues));
}
