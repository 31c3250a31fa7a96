import { LANGUAGES, type Language } from '@salkku/shared';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

/**
 * Translations: i18next with react-i18next. Finnish is the default and the fallback; Swedish
 * and English are complete (a test fails on any key missing from one of the three files).
 * A language chosen with the switcher is remembered in localStorage; without one, a signed-in
 * user gets their profile's language. The active language is set as <html lang>.
 */
export const DEFAULT_LANGUAGE: Language = 'fi';
export const LANGUAGE_STORAGE_KEY = 'salkku.language';

export const resources = {
  fi: { translation: fi },
  sv: { translation: sv },
  en: { translation: en },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['fi'];
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the user chose earlier, if any (storage may be unavailable: private mode, policy). */
export function readStoredLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered: the app still works in the chosen language for this visit.
  }
}

function setDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** The active language of an i18n instance, as one of Salkku's languages. */
export function activeLanguage(i18n: I18n): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/**
 * Creates an initialised i18next instance (synchronously: the resources are bundled).
 * The app makes one at start; tests make a fresh one each.
 */
export function createI18n(language: Language = readStoredLanguage() ?? DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  setDocumentLanguage(language);
  instance.on('languageChanged', (changed: string) => {
    if (isLanguage(changed)) setDocumentLanguage(changed);
  });
  return instance;
}

/** The user chose a language (the switcher): use it and remember it for the next visit. */
export function chooseLanguage(i18n: I18n, language: Language): void {
  storeLanguage(language);
  void i18n.changeLanguage(language);
}

/**
 * After sign-in: the language of the user's profile, unless they have chosen one on this device
 * (a stored choice wins). Not stored, so the next user of a shared computer gets their own.
 */
export function applyProfileLanguage(i18n: I18n, language: Language): void {
  if (readStoredLanguage() !== null || activeLanguage(i18n) === language) return;
  void i18n.changeLanguage(language);
}
