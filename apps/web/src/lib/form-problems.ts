import type { ParseKeys } from 'i18next';
import { useCallback, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { apiErrorText } from './api-error-text';
import { serverFieldProblems, serverProblemText, type ProblemWording, type ServerFieldProblem } from './field-problems';
import { formatWaitIn } from './format';
import { activeLanguage } from './i18n';

/**
 * The one model of a form's problems, shared by every form of the web app (sign-in, password,
 * admin, accessibility contact, the project forms). A problem is kept untranslated, so that its
 * text follows a language switch:
 * - `key`: the app's own words (a check made here, or a form's wording of an API answer), with
 *   the values they need; `waitSeconds` is said as a wait in the active language ("in 2 minutes");
 * - `server`: what the API said about one field (lib/field-problems.ts translates its codes),
 *   with the form's own `wording` for some codes;
 * - `error`: a failed call as a whole (lib/api-error-text.ts says why, never in the API's English).
 */
export type FormProblem =
  | { key: ParseKeys; values?: Record<string, string | number>; waitSeconds?: number }
  | { server: ServerFieldProblem; wording?: ProblemWording }
  | { error: unknown };

/** A form's problems: per field (shown next to it), and the form's own (shown in an alert above the form). */
export interface FormProblems<F extends string> {
  fields: Partial<Record<F, FormProblem[]>>;
  form?: FormProblem[];
}

export function hasProblems<F extends string>(problems: FormProblems<F>): boolean {
  return (
    (problems.form?.length ?? 0) > 0 ||
    Object.values<FormProblem[] | undefined>(problems.fields).some((list) => (list?.length ?? 0) > 0)
  );
}

/** Did the API refuse the values themselves (400 VALIDATION_FAILED, with per-field problems)? */
export function isValidationFailure(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'VALIDATION_FAILED';
}

/**
 * What a failed call said about fields: each problem of one of the form's `fields` on that field,
 * with the form's `wording` for it; the problems of fields the form does not have in `other`.
 */
export function fieldProblemsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  wording: Partial<Record<string, ProblemWording>> = {},
): { fields: Partial<Record<F, FormProblem[]>>; other: FormProblem[] } {
  const result: Partial<Record<F, FormProblem[]>> = {};
  const other: FormProblem[] = [];
  for (const [path, server] of Object.entries(serverFieldProblems(error))) {
    const field = fields.find((name) => name === path);
    const problem: FormProblem = { server, wording: wording[path] };
    if (field) result[field] = [...(result[field] ?? []), problem];
    else other.push(problem);
  }
  return { fields: result, other };
}

/** Turns problems into text in the active language (undefined when there are none). */
export function useProblemText(): (problems: readonly FormProblem[] | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  const language = activeLanguage(i18n);
  const one = (problem: FormProblem): string => {
    if ('server' in problem) return serverProblemText(problem.server, t, language, problem.wording);
    if ('error' in problem) return apiErrorText(problem.error, t, language);
    const when = problem.waitSeconds === undefined ? {} : { when: formatWaitIn(problem.waitSeconds, language) };
    return t(problem.key, { ...problem.values, ...when });
  };
  return (problems) => (problems && problems.length > 0 ? problems.map(one).join(' ') : undefined);
}

/**
 * After a failed submit, focus goes where the problem is: to the first field (in `fields` order)
 * with a problem, whose error is read with it, else to the form's alert. Runs after the render
 * that shows the messages, so they are there to be read. Each submit makes a new problems
 * object, so the same problem twice still moves focus. Give each control `ref={fieldRef(name)}`
 * and the alert (tabIndex -1) `id={alertId}`.
 */
export function useProblemFocus<F extends string>(problems: FormProblems<F> | null, fields: readonly F[]) {
  const alertId = useId();
  const controls = useRef(new Map<F, HTMLElement>());
  useEffect(() => {
    if (!problems) return;
    const first = fields.find((field) => (problems.fields[field]?.length ?? 0) > 0);
    if (first) controls.current.get(first)?.focus();
    else document.getElementById(alertId)?.focus();
  }, [problems, fields, alertId]);
  const fieldRef = (field: F) => (element: HTMLElement | null) => {
    if (element) controls.current.set(field, element);
    else controls.current.delete(field);
  };
  /** Focuses one field (a link may ask for it: "record the amount granted"). */
  const focusField = useCallback((field: F) => controls.current.get(field)?.focus(), []);
  return { alertId, fieldRef, focusField };
}
