import { ERROR_CODES, isFieldProblemCode, type ErrorCode, type Language } from '@salkku/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { serverFieldProblems, serverProblemText } from './field-problems';
import { activeLanguage } from './i18n';

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

function isErrorCode(code: string | null): code is ErrorCode {
  return code !== null && KNOWN.has(code);
}

/**
 * The one way the web app says why an API call failed, in the active language. The API's English
 * `message` is never shown: a rule's reason comes from its field problem codes (e.g. `grantedUnknown`
 * on `fundingDecisionId`, translated under `problems.*`), anything else from the error code (`errors.*`,
 * one text per code in ERROR_CODES), else from the status (503 → temporarily unavailable).
 */
export function apiErrorText(error: unknown, t: TFunction, language: Language): string {
  if (!(error instanceof ApiError)) return t('errors.network');
  const reasons = Object.values(serverFieldProblems(error)).filter(
    (found) => found.problems.length > 0 && found.problems.every((problem) => isFieldProblemCode(problem.code)),
  );
  if (error.code !== 'VALIDATION_FAILED' && reasons.length > 0) {
    return reasons.map((found) => serverProblemText(found, t, language)).join(' ');
  }
  if (isErrorCode(error.code)) return t(`errors.${error.code}`);
  if (error.status === 503) return t('errors.SERVICE_UNAVAILABLE');
  if (error.status === 403) return t('errors.FORBIDDEN');
  if (error.status >= 500) return t('errors.INTERNAL_ERROR');
  return t('errors.unknown');
}

/** `apiErrorText` bound to the active language; components re-render when it changes. */
export function useApiErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const language = activeLanguage(i18n);
  return (error) => apiErrorText(error, t, language);
}
