import { FIELD_PROBLEM_CODES } from '@salkku/shared';
import { ApiError, type ApiFieldProblems } from './api/client';
import { fieldProblemTexts, serverFieldProblems, serverProblemText } from './field-problems';
import { testI18n } from '../test/i18n';
import { translations } from '../test/i18n';

function validationError(details: Record<string, string[]>, problems?: ApiFieldProblems): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', 'The request has invalid fields', details, undefined, problems);
}

describe('field problem translator', () => {
  it.each(['fi', 'sv', 'en'] as const)('has a %s text for every code the API may send', (language) => {
    const texts: Record<string, string> = translations[language].problems;
    expect(FIELD_PROBLEM_CODES.filter((code) => !texts[code])).toEqual([]);
  });

  it('translates codes with their numbers in the active language', () => {
    const error = validationError(
      { name: ['name must be shorter than or equal to 200 characters'], email: ['email must be an email'] },
      { name: [{ code: 'tooLong', params: { max: 200 } }], email: [{ code: 'invalidEmail' }] },
    );
    const fi = testI18n('fi');
    expect(fieldProblemTexts(error, ['name', 'email', 'role'] as const, fi.t, 'fi')).toEqual({
      name: 'Kirjoita enintään 200 merkkiä.',
      email: 'Anna sähköpostiosoite muodossa nimi@esimerkki.fi.',
    });
    const sv = testI18n('sv');
    expect(fieldProblemTexts(error, ['name'] as const, sv.t, 'sv')).toEqual({ name: 'Skriv högst 200 tecken.' });
  });

  it('shows euro params as money in the language', () => {
    const [amount] = Object.values(
      serverFieldProblems(
        validationError(
          { amount: ['Payments would exceed…'] },
          { amount: [{ code: 'exceedsGranted', params: { remaining: '1500.5' } }] },
        ),
      ),
    );
    const en = testI18n('en');
    expect(serverProblemText(amount!, en.t, 'en')).toMatch(
      /^The payments would exceed the amount granted: at most €?1,?500\.50/,
    );
    const fi = testI18n('fi');
    expect(serverProblemText(amount!, fi.t, 'fi')).toContain('1\u00a0500,50\u00a0€');
  });

  it("falls back to the API's English messages for a field without codes or with an unknown code", () => {
    const unknown = [{ code: 'brandNew' }] as unknown as ApiFieldProblems[string];
    const error = validationError(
      { to: ['the period may span at most 10 years'], from: ['from is odd'] },
      { to: unknown },
    );
    const fi = testI18n('fi');
    expect(fieldProblemTexts(error, ['to', 'from'] as const, fi.t, 'fi')).toEqual({
      to: 'the period may span at most 10 years',
      from: 'from is odd',
    });
  });

  it("uses a form's own wording for a code of a field, and nothing for other errors", () => {
    const error = validationError(
      { organisationId: ['a coordinator needs…'] },
      { organisationId: [{ code: 'required' }] },
    );
    const fi = testI18n('fi');
    expect(
      fieldProblemTexts(error, ['organisationId'] as const, fi.t, 'fi', {
        organisationId: { required: 'admin.problems.organisationRequired' },
      }),
    ).toEqual({ organisationId: 'Koordinaattorilla ja johtajalla on oltava organisaatio (kaupunki).' });
    expect(fieldProblemTexts(new Error('network'), ['organisationId'] as const, fi.t, 'fi')).toEqual({});
  });
});
