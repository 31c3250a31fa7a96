import { LANGUAGES, type Language } from '@salkku/shared';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import fi from './locales/fi.json';

/**
 * Translations: i18next with react-i18next. Finnish is the default and the fallback; Swedish
 * and English are complete (a test fails on any key missing from one of the three files).
 * A language chosen with the switcher is remembered in localStorage; without one, a signed-in
 * user gets their profile's language. The active language is set as <html lang>.
 *
 * Finnish is in the first chunk; Swedish and English are chunks of their own, loaded when chosen
 * (each is ~17 kB gzipped: all three in the first chunk were a quarter of it).
 */
export const DEFAULT_LANGUAGE: Language = 'fi';
export const LANGUAGE_STORAGE_KEY = 'salkku.language';

/** One language's texts (the Finnish file's shape; the others have the same keys). */
export type Translation = typeof fi;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

/** The languages loaded on demand, each its own chunk. */
const LOADERS: Record<Exclude<Language, 'fi'>, () => Promise<{ default: Translation }>> = {
  sv: () => import('./locales/sv.json'),
  en: () => import('./locales/en.json'),
};

/** A language's texts: Finnish at once, the others from their chunk. */
export async function loadTranslation(language: Language): Promise<Translation> {
  return language === 'fi' ? fi : (await LOADERS[language]()).default;
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
 * Creates an initialised i18next instance (synchronously) with Finnish and the texts given in
 * `loaded` (those of `language` among them, or it shows Finnish until they are loaded: see
 * startI18n). Tests make a fresh one each (test/i18n.ts gives them every language).
 */
export function createI18n(
  language: Language = readStoredLanguage() ?? DEFAULT_LANGUAGE,
  loaded: Partial<Record<Language, Translation>> = {},
): I18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    Object.entries({ ...loaded, fi }).map(([code, translation]) => [code, { translation }]),
  );
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

/** The app's instance, in the language remembered on this device, its texts loaded first. */
export async function startI18n(): Promise<I18n> {
  const language = readStoredLanguage() ?? DEFAULT_LANGUAGE;
  try {
    return createI18n(language, { [language]: await loadTranslation(language) });
  } catch {
    // The chunk did not load (offline, a deploy replaced it): Finnish, which is always there.
    return createI18n(DEFAULT_LANGUAGE);
  }
}

/** Switches to a language once its texts are loaded (at once if they are). */
export async function changeLanguage(i18n: I18n, language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await loadTranslation(language));
  }
  await i18n.changeLanguage(language);
}

/** The user chose a language (the switcher): use it and remember it for the next visit. */
export function chooseLanguage(i18n: I18n, language: Language): void {
  storeLanguage(language);
  void changeLanguage(i18n, language);
}

/**
 * After sign-in: the language of the user's profile, unless they have chosen one on this device
 * (a stored choice wins). Not stored, so the next user of a shared computer gets their own.
 */
export function applyProfileLanguage(i18n: I18n, language: Language): void {
  if (readStoredLanguage() !== null || activeLanguage(i18n) === language) return;
  void changeLanguage(i18n, language);
}
