import { isFieldProblemCode, type FieldProblemCode, type Language } from '@salkku/shared';
import type { ParseKeys, TFunction } from 'i18next';
import { ApiError, type ApiFieldProblems } from './api/client';
import { formatMoneyIn } from './format';

/**
 * The one way the web app turns the API's field problems into text. The API sends each rejected
 * field twice: as English messages (`details`) and as codes (`problems`, e.g. `tooLong` with
 * `{ max: 200 }`). Codes are translated under `problems.<code>`; the English messages are shown
 * only when a field has no codes or a code this build does not know (a newer API).
 */

type FieldProblem = ApiFieldProblems[string][number];

/** What the API said about one field, kept untranslated so that its text follows a language switch. */
export interface ServerFieldProblem {
  /** The field's problems as codes (empty when the API sent none). */
  problems: readonly FieldProblem[];
  /** The API's English messages for the field. */
  messages: readonly string[];
}

/** A form's own wording for some codes of one field (e.g. "a coordinator needs a city" for `required`). */
export type ProblemWording = Partial<Record<FieldProblemCode, ParseKeys>>;

/** Params that are euros as exact decimal strings ("1234.50"), shown as money in the active language. */
const MONEY_PARAMS: ReadonlySet<string> = new Set(['remaining', 'paid']);

/** Field path → what the API said about it, from a failed call (empty for anything but an ApiError). */
export function serverFieldProblems(error: unknown): Record<string, ServerFieldProblem> {
  if (!(error instanceof ApiError)) return {};
  const paths = new Set([...Object.keys(error.details ?? {}), ...Object.keys(error.problems ?? {})]);
  const result: Record<string, ServerFieldProblem> = {};
  for (const path of paths) {
    result[path] = { problems: error.problems?.[path] ?? [], messages: error.details?.[path] ?? [] };
  }
  return result;
}

function interpolation(problem: FieldProblem, language: Language): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params ?? {})) {
    values[name] = MONEY_PARAMS.has(name) && typeof value === 'string' ? formatMoneyIn(value, language) : value;
  }
  return values;
}

/** The text of one field's problems in the given language (translated codes, else the API's words). */
export function serverProblemText(
  found: ServerFieldProblem,
  t: TFunction,
  language: Language,
  wording: ProblemWording = {},
): string {
  const known = found.problems.length > 0 && found.problems.every((problem) => isFieldProblemCode(problem.code));
  if (!known) return found.messages.join(' ');
  return found.problems
    .map((problem) => t(wording[problem.code] ?? `problems.${problem.code}`, interpolation(problem, language)))
    .join(' ');
}

/** Per listed field, the text of what a failed call said about it (fields it did not mention are left out). */
export function fieldProblemTexts<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
  language: Language,
  wording: Partial<Record<F, ProblemWording>> = {},
): Partial<Record<F, string>> {
  const found = serverFieldProblems(error);
  const result: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const problems = found[field];
    if (problems) result[field] = serverProblemText(problems, t, language, wording[field]);
  }
  return result;
}
