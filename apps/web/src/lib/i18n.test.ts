import { changeLanguage, chooseLanguage, createI18n, LANGUAGE_STORAGE_KEY, startI18n } from './i18n';

afterEach(() => localStorage.clear());

describe('languages loaded on demand', () => {
  it('starts with Finnish only, and loads Swedish and English when they are chosen', async () => {
    const i18n = createI18n('fi');
    expect(i18n.hasResourceBundle('sv', 'translation')).toBe(false);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(i18n.t('auth.signIn.title')).toBe('Kirjaudu sisään');

    await changeLanguage(i18n, 'sv');
    expect(i18n.language).toBe('sv');
    expect(i18n.t('auth.signIn.title')).toBe('Logga in');
    expect(document.documentElement.lang).toBe('sv');

    chooseLanguage(i18n, 'en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    await waitForLanguage(i18n, 'en');
    expect(i18n.t('auth.signIn.title')).toBe('Sign in');
  });

  it('starts in the language remembered on the device, its texts loaded before the first render', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const i18n = await startI18n();
    expect(i18n.language).toBe('en');
    expect(i18n.t('auth.signIn.title')).toBe('Sign in');
    expect(i18n.hasResourceBundle('sv', 'translation')).toBe(false);
  });
});

async function waitForLanguage(i18n: ReturnType<typeof createI18n>, language: string): Promise<void> {
  for (let i = 0; i < 100 && i18n.language !== language; i++) await new Promise((ok) => setTimeout(ok, 5));
}
