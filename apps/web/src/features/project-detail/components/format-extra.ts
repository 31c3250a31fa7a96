import type { Language } from '@salkku/shared';
import { intlLocale } from '../../../lib/format';

/** A percentage as the API sends it ("20.00") → "20" / "12,5" in the language; unreadable values as given. */
export function formatPercentNumberIn(value: string, language: Language): string {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return value;
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 }).format(number);
}
