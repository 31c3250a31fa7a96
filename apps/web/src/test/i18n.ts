import type { Language } from '@salkku/shared';
import type { i18n as I18n } from 'i18next';
import { createI18n, type Translation } from '../lib/i18n';
import en from '../lib/locales/en.json';
import fi from '../lib/locales/fi.json';
import sv from '../lib/locales/sv.json';

/** Every language's texts (the app loads Swedish and English on demand; tests have them at once). */
export const translations: Record<Language, Translation> = { fi, sv, en };

/** A fresh i18n instance with every language loaded, so a test can switch at once. */
export function testI18n(language?: Language): I18n {
  return createI18n(language, translations);
}
