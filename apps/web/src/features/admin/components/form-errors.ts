import type { Language } from '@salkku/shared';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api/client';
import { apiErrorText } from '../../../lib/api-error-text';
import { fieldProblemTexts, type ProblemWording } from '../../../lib/field-problems';

/** The admin forms say more than the shared text where the field calls for it. */
const WORDING: Record<string, ProblemWording> = {
  organisationId: {
    required: 'admin.problems.organisationRequired',
    notCity: 'admin.problems.cityRequired',
    notFound: 'admin.problems.organisationMissing',
  },
  active: { ownAccount: 'admin.problems.self' },
  role: { ownAccount: 'admin.problems.self' },
};

/**
 * The per-field messages of a failed write (400 VALIDATION_FAILED or 409 with details), in the
 * active language (lib/field-problems.ts: by the API's problem codes, else as the API wrote them).
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
  language: Language,
): Partial<Record<F, string>> {
  return fieldProblemTexts(error, fields, t, language, WORDING as Partial<Record<F, ProblemWording>>);
}

/**
 * The form-level message of a failed write: the admin forms' own words for a version conflict,
 * invalid fields and a duplicate; anything else (a rule's reason, no permission, the service
 * unavailable…) as lib/api-error-text says it, never in the API's English.
 */
export function formErrorOf(error: unknown, t: TFunction, language: Language): string {
  if (error instanceof ApiError) {
    if (error.code === 'STALE_VERSION') return t('admin.problems.stale');
    if (error.code === 'VALIDATION_FAILED') return t('admin.problems.checkFields');
    if (error.code === 'DUPLICATE') return t('admin.problems.duplicate');
  }
  return apiErrorText(error, t, language);
}
