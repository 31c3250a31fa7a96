import type { Language } from '@salkku/shared';
import { intlLocale } from '../../../lib/format';

/** A moment ("2026-12-05T09:14:00.000Z") as a date and time in Finland's time zone, in the language. */
export function formatMomentIn(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Helsinki',
  }).format(new Date(value));
}
