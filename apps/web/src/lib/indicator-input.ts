import { INDICATOR_VALUE_PATTERN } from '@salkku/shared';

/**
 * An indicator value typed by a person ("1 234,5", "12.5", "−3", "15 %") to the exact decimal
 * string the API wants ("1234.5"): spaces, a trailing percent or euro sign and a typographic minus
 * allowed, comma or point as the decimal sign, at most 4 decimals (packages/shared
 * INDICATOR_VALUE_PATTERN). Never goes through a float. Null for an empty input, undefined for
 * one that is not a value.
 */
export function parseIndicatorInput(input: string): string | null | undefined {
  const compact = input
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[%€]$/, '')
    .replace(/^[\u2212\u2013]/, '-')
    .replace(',', '.');
  if (compact === '') return null;
  // Leading zeros ("007") are not a value in the API's form; drop them rather than refuse.
  const normalised = compact.replace(/^(-?)0+(?=\d)/, '$1');
  return INDICATOR_VALUE_PATTERN.test(normalised) ? normalised : undefined;
}

/** The API's "1234.5" as an input value in Finnish style, "1234,5" (null → ""). */
export function indicatorValueToInput(value: string | null | undefined): string {
  return value == null ? '' : value.replace('.', ',');
}

/** A year typed as four digits ("2029"); null for empty, undefined for anything else. */
export function parseYearInput(input: string): number | null | undefined {
  const compact = input.trim();
  if (compact === '') return null;
  return /^\d{4}$/.test(compact) ? Number(compact) : undefined;
}
