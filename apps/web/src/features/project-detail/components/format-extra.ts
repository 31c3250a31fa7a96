import type { Language } from '@salkku/shared';
import { intlLocale } from '../../../lib/format';

/** "2021-12-15T10:00:00.000Z" → "15.12.2021 klo 12.00" (fi), in Finnish time. */
export function formatDateTimeIn(value: string, language: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Helsinki',
  }).format(date);
}

/** A percentage as the API sends it ("20.00") → "20" / "12,5" in the language; unreadable values as given. */
export function formatPercentNumberIn(value: string, language: Language): string {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return value;
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 }).format(number);
}
