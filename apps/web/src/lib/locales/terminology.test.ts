import { EXPORT_COLUMN_LABELS, EXPORT_FILE_WORDS, LANGUAGES, type Language } from '@salkku/shared';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';
import { createI18n } from '../i18n';

/**
 * One thing, one name, on screens and in the CSV exports (issue 9, item 21). The words are the
 * domain vocabulary's (shared/domain/README.md: virstanpylväs / milstolpe / milestone); for the
 * others the screens' words were kept: maksu / betalning / payment, jäljellä / återstår / remaining,
 * rahoitusosuus / finansieringsandel / co-funding rate.
 */
const LOCALES = { fi, sv, en };

/** Words that name the same thing differently; none may appear in a language's texts. */
const OTHER_NAMES: Record<Language, RegExp[]> = {
  fi: [/välitavoit/i, /maksatu/i, /maksamatta/i, /omarahoitus/i],
  sv: [/delmål/i, /utbetalning/i, /ej utbetal/i, /självfinansier/i],
  en: [/disburse/i, /unpaid/i, /own funding/i],
};

function texts(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  return Object.values(tree as Record<string, unknown>).flatMap(texts);
}

describe.each(LANGUAGES)('%s', (language) => {
  const all = [
    ...texts(LOCALES[language]),
    ...Object.values(EXPORT_COLUMN_LABELS[language]),
    ...Object.values(EXPORT_FILE_WORDS[language]),
  ];

  it('uses one name for milestones, payments, remaining and the co-funding rate everywhere', () => {
    const found = all.filter((text) => OTHER_NAMES[language].some((pattern) => pattern.test(text)));
    expect(found).toEqual([]);
  });

  it('the export columns say what the screens say', () => {
    const screens = LOCALES[language].projectPage.funding;
    const labels = EXPORT_COLUMN_LABELS[language];
    expect(labels.remaining.startsWith(screens.columns.remaining)).toBe(true);
    expect(labels.paid.startsWith(screens.columns.paid)).toBe(true);
    expect(labels.paidOn).toBe(screens.payments.columns.paidOn);
    expect(LOCALES[language].exports.datasets.payments).toBe(screens.payments.title);
    expect(
      LOCALES[language].projectForms.fields.coFundingRate.startsWith(labels.coFundingRate.replace(' (%)', '')),
    ).toBe(true);
  });
});

describe('counts use the language’s plural forms (issue 9, item 21: "(1 riviä)")', () => {
  it.each([
    ['fi', 'Tiedosto a.csv ladattu (1 rivi).', 'Tiedosto a.csv ladattu (2 riviä).', '1 päivä'],
    ['sv', 'Filen a.csv nedladdad (1 rad).', 'Filen a.csv nedladdad (2 rader).', '1 dag'],
    ['en', 'a.csv downloaded (1 row).', 'a.csv downloaded (2 rows).', '1 day'],
  ] as const)('%s', (language, one, two, day) => {
    const { t } = createI18n(language);
    expect(t('exports.done', { count: 1, rows: '1', fileName: 'a.csv' })).toBe(one);
    expect(t('exports.done', { count: 2, rows: '2', fileName: 'a.csv' })).toBe(two);
    expect(t('dashboard.filters.days', { count: 1 })).toBe(day);
  });

  it('every count in a text (a {{count}} or a number of rows) has its plural forms', () => {
    const keys = (tree: Record<string, unknown>, prefix = ''): Array<[string, string]> =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'string'
          ? [[`${prefix}${key}`, value] as [string, string]]
          : keys(value as Record<string, unknown>, `${prefix}${key}.`),
      );
    // Texts whose number does not inflect a word next to it (a total in brackets, "n days ahead").
    const invariant = new Set(['problems.inUse', 'dashboard.milestones.dueSoon']);
    const missing = keys(fi)
      .filter(([key, text]) => /\{\{\s*(count|rows)\s*\}\}/.test(text) && !/_(one|other)$/.test(key))
      .map(([key]) => key)
      .filter((key) => !invariant.has(key));
    expect(missing).toEqual([]);
  });
});
