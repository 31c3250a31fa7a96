import { ApiError } from '../../../lib/api/client';
import type { ProblemWording } from '../../../lib/field-problems';
import { fieldProblemsOf, type FormProblem, type FormProblems } from '../../../lib/form-problems';

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
 * The form-level problem of a failed write: the admin forms' own words for a version conflict,
 * invalid fields and a duplicate; anything else (a rule's reason, no permission, the service
 * unavailable…) as lib/api-error-text says it, never in the API's English.
 */
function formProblemOf(error: unknown): FormProblem {
  if (error instanceof ApiError) {
    if (error.code === 'STALE_VERSION') return { key: 'admin.problems.stale' };
    if (error.code === 'VALIDATION_FAILED') return { key: 'admin.problems.checkFields' };
    if (error.code === 'DUPLICATE') return { key: 'admin.problems.duplicate' };
  }
  return { error };
}

/**
 * The problems of a failed admin write (lib/form-problems.ts): per field, what the API said (400
 * VALIDATION_FAILED or a 409 with details, in the admin forms' wording where they have one, or a
 * form's own `wording`), and
 * the form's message; none before a write has failed.
 */
export function adminProblemsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  wording: Record<string, ProblemWording> = {},
): FormProblems<F> | null {
  if (!error) return null;
  return { fields: fieldProblemsOf(error, fields, { ...WORDING, ...wording }).fields, form: [formProblemOf(error)] };
}
