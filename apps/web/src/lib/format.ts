import { formatDate, formatMoney, type Language } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { activeLanguage } from './i18n';

/**
 * Money and dates for display, through Intl in the active language. Finnish and Swedish follow
 * the conventions used in Finland (fi-FI, sv-FI: "1 234,56 €", "4.2.2021"); English uses en-FI.
 */
const INTL_LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' };

export function intlLocale(language: Language): string {
  return INTL_LOCALES[language];
}

/** "200000.00" → "200 000,00 €" (fi); null or undefined → "". */
export function formatMoneyIn(value: string | null | undefined, language: Language): string {
  return value == null || value === '' ? '' : formatMoney(value, intlLocale(language));
}

/** "2021-02-04" → "4.2.2021" (fi); null or undefined → "". */
export function formatDateIn(value: string | null | undefined, language: Language): string {
  return value == null || value === '' ? '' : formatDate(value, intlLocale(language));
}

/** "2021-12-15T10:00:00.000Z" → "15.12.2021 klo 12.00" (fi), in Finnish time; unreadable values as given. */
export function formatDateTimeIn(value: string, language: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Helsinki',
  }).format(date);
}

export interface Formatters {
  language: Language;
  money(value: string | null | undefined): string;
  date(value: string | null | undefined): string;
}

/** Formatters bound to the active language; components re-render when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = activeLanguage(i18n);
  return {
    language,
    money: (value) => formatMoneyIn(value, language),
    date: (value) => formatDateIn(value, language),
  };
}

/**
 * A wait as relative time in the language ("5 minuutin päästä", "om 5 minuter", "in 5 minutes"):
 * seconds under a minute, then whole minutes (rounded up) under two hours, then hours.
 */
export function formatWaitIn(seconds: number, language: Language): string {
  const format = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'always' });
  if (seconds < 60) return format.format(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 2 * 3600) return format.format(Math.ceil(seconds / 60), 'minute');
  return format.format(Math.ceil(seconds / 3600), 'hour');
}
