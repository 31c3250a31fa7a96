import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api/client';

/** Known API field messages (English) and their translations under admin.problems. */
const KNOWN = [
  [/must be an email/i, 'admin.problems.email'],
  [/already|duplicate|in use/i, 'admin.problems.duplicate'],
  [/at least \d+ characters|shorter than/i, 'admin.problems.tooShort'],
  [/common password/i, 'admin.problems.common'],
  [/email address or name/i, 'admin.problems.personal'],
  [/must be a city/i, 'admin.problems.cityRequired'],
  [/needs an organisation/i, 'admin.problems.organisationRequired'],
  [/does not exist/i, 'admin.problems.organisationMissing'],
  [/business id|y-tunnus|check digit/i, 'admin.problems.businessId'],
  [/should not be empty|longer than or equal to 1|must be longer/i, 'admin.problems.required'],
  [/yourself|your own/i, 'admin.problems.self'],
] as const;

/**
 * The per-field messages of a failed write (400 VALIDATION_FAILED or 409 with details), in the
 * active language where the message is recognised, otherwise as the API wrote it.
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
): Partial<Record<F, string>> {
  if (!(error instanceof ApiError) || !error.details) return {};
  const result: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const messages = error.details[field];
    if (!messages?.length) continue;
    result[field] = messages
      .map((message) => {
        const known = KNOWN.find(([pattern]) => pattern.test(message));
        return known ? t(known[1]) : message;
      })
      .join(' ');
  }
  return result;
}

/** The form-level message of a failed write: a version conflict, a rule, or a general failure. */
export function formErrorOf(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'STALE_VERSION') return t('admin.problems.stale');
    if (error.code === 'VALIDATION_FAILED') return t('admin.problems.checkFields');
    if (error.code === 'DUPLICATE') return t('admin.problems.duplicate');
    if (error.code === 'RULE_VIOLATION') return t('admin.problems.self');
    if (error.status === 403) return t('admin.problems.forbidden');
  }
  return t('admin.problems.failed');
}
