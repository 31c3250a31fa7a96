import { ERROR_CODES, LANGUAGES, type Language } from '@salkku/shared';
import { ApiError } from './api/client';
import { apiErrorText } from './api-error-text';
import { testI18n } from '../test/i18n';

const ENGLISH_MESSAGE = 'An English message written by the API';

function textIn(language: Language, error: unknown): string {
  const i18n = testI18n(language);
  return apiErrorText(error, i18n.t, language);
}

describe('every error code the API can send is said in fi, sv and en', () => {
  it.each(ERROR_CODES.flatMap((code) => LANGUAGES.map((language) => [code, language] as const)))(
    '%s in %s',
    (code, language) => {
      const text = textIn(language, new ApiError(400, code, ENGLISH_MESSAGE));
      expect(text).not.toBe('');
      expect(text).not.toContain('errors.');
      expect(text).not.toContain(ENGLISH_MESSAGE);
    },
  );

  it.each(ERROR_CODES)('%s has its own Finnish and Swedish words, not the English ones', (code) => {
    const en = textIn('en', new ApiError(400, code, ENGLISH_MESSAGE));
    expect(textIn('fi', new ApiError(400, code, ENGLISH_MESSAGE))).not.toBe(en);
    expect(textIn('sv', new ApiError(400, code, ENGLISH_MESSAGE))).not.toBe(en);
  });
});

describe('what users met in English (issue 9, item 14)', () => {
  it('the payment rule on an unknown amount granted, by its problem code', () => {
    const error = new ApiError(
      409,
      'RULE_VIOLATION',
      'The amount granted is not known: record it on the funding decision before paying',
      { fundingDecisionId: ['The amount granted is not known: record it on the funding decision before paying'] },
      undefined,
      { fundingDecisionId: [{ code: 'grantedUnknown' }] },
    );
    expect(textIn('fi', error)).toBe('Kirjaa ensin myönnetty summa rahoituspäätökseen.');
    expect(textIn('sv', error)).not.toMatch(/amount granted/i);
  });

  it('a permission denial', () => {
    const error = new ApiError(403, 'FORBIDDEN', 'Your role (liaison) may not do this');
    expect(textIn('fi', error)).toMatch(/^Sinulla ei ole oikeutta tähän/);
    expect(textIn('sv', error)).toMatch(/^Du har inte behörighet/);
  });

  it('the service unavailable (503, database down), a 503 without the API’s body, and a network failure', () => {
    expect(textIn('fi', new ApiError(503, 'SERVICE_UNAVAILABLE', 'Database unavailable', undefined, 5))).toBe(
      'Palvelu on tilapäisesti poissa käytöstä. Yritä hetken kuluttua uudelleen.',
    );
    expect(textIn('sv', new ApiError(503, null, 'Service Unavailable'))).toBe(
      'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
    );
    expect(textIn('fi', new TypeError('Failed to fetch'))).toMatch(/yhteyttä/);
  });
});
