import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@salkku/shared';
import { dictionary } from '@zxcvbn-ts/language-common';
import * as argon2 from 'argon2';
import { DomainError, issue, type FieldIssue } from '../../common/domain-error';

/**
 * Passwords: Argon2id with OWASP's parameters (19 MiB memory, 2 iterations, parallelism 1), at
 * least 12 characters, and none of the ~49,000 most common passwords (the list maintained in
 * @zxcvbn-ts/language-common).
 */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist (same timing). */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`not-a-real-password-${Math.random()}`);
  return dummyHash;
}

/** Throws VALIDATION_FAILED (details on `field`) when the password breaks the policy. */
export function assertPasswordPolicy(password: string, field: string, context: string[] = []): void {
  const problems: FieldIssue[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push(
      issue('tooShort', `must be at least ${MIN_PASSWORD_LENGTH} characters long`, { min: MIN_PASSWORD_LENGTH }),
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    problems.push(
      issue('tooLong', `must be at most ${MAX_PASSWORD_LENGTH} characters long`, { max: MAX_PASSWORD_LENGTH }),
    );
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push(issue('commonPassword', 'is one of the most common passwords: choose another'));
  if (context.some((c) => c.length >= 4 && lower.includes(c.toLowerCase()))) {
    problems.push(issue('personalPassword', 'must not contain your email address or name'));
  }
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `The password ${problems.map((p) => p.message).join('; ')}`, {
      [field]: problems.map((p) => ({ ...p, message: `password ${p.message}` })),
    });
  }
}
