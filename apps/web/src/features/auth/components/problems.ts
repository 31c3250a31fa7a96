import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/client';
import { serverFieldProblems, useServerProblemText, type ServerFieldProblem } from '../../../lib/field-problems';
import { formatWaitIn } from '../../../lib/format';
import { activeLanguage } from '../../../lib/i18n';

export type ProblemCode =
  | 'emailRequired'
  | 'passwordRequired'
  | 'wrongCredentials'
  | 'tooManyAttempts'
  | 'signInFailed'
  | 'serviceUnavailable'
  | 'currentRequired'
  | 'newRequired'
  | 'repeatRequired'
  | 'mismatch'
  | 'tooShort'
  | 'changeFailed';

/**
 * What went wrong with a form or one of its fields. Kept as a code (not as text) so that the
 * message follows a language switch: a client-side check's own code, or what the API said about
 * the field (`server`, translated by lib/field-problems).
 */
export type Problem = { code: ProblemCode; retryAfterSeconds?: number } | { server: ServerFieldProblem };

/** A form's problems: per field, and one for the whole form (shown in an alert next to the form). */
export interface FormProblems<F extends string> {
  fields: Partial<Record<F, Problem[]>>;
  form?: Problem;
}

/**
 * The problems a failed call reports for the form's fields (400 VALIDATION_FAILED with details);
 * null when the error is not about these fields.
 */
export function fieldProblemsOf<F extends string>(error: unknown, fields: readonly F[]): FormProblems<F> | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return null;
  const found = serverFieldProblems(error);
  const result: Partial<Record<F, Problem[]>> = {};
  for (const field of fields) {
    const server = found[field];
    if (server) result[field] = [{ server }];
  }
  return Object.keys(result).length > 0 ? { fields: result } : null;
}

export function hasProblems<F extends string>(problems: FormProblems<F>): boolean {
  return (
    problems.form !== undefined ||
    Object.values<Problem[] | undefined>(problems.fields).some((list) => (list?.length ?? 0) > 0)
  );
}

/** Turns problems into text in the active language. */
export function useProblemText(): (problems: readonly Problem[] | Problem | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  const language = activeLanguage(i18n);
  const serverText = useServerProblemText();
  const one = (problem: Problem): string => {
    if ('server' in problem) return serverText(problem.server);
    if (problem.code === 'tooManyAttempts' && problem.retryAfterSeconds !== undefined) {
      return t('auth.problems.tooManyAttemptsWait', { when: formatWaitIn(problem.retryAfterSeconds, language) });
    }
    return t(`auth.problems.${problem.code}`, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  };
  return (problems) => {
    if (problems === undefined) return undefined;
    const list: readonly Problem[] = 'length' in problems ? problems : [problems];
    return list.length > 0 ? list.map(one).join(' ') : undefined;
  };
}
