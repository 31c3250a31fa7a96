import { EXPORT_COLUMN_LABELS, EXPORT_FILE_WORDS, LANGUAGES, type Language } from '@salkku/shared';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';
import { testI18n } from '../../test/i18n';

/**
 * One thing, one name, on screens and in the CSV exports (issue 9, item 21). The words are the
 * domain vocabulary's (shared/domain/README.md: virstanpylväs / milstolpe / milestone); for the
 * others the screens' words were kept: maksu / betalning / payment, jäljellä / återstår / remaining,
 * rahoitusosuus / finansieringsandel / co-funding rate. Indicators (issue 12): indikaattori /
 * indikator / indicator (never mittari / mätare / metric, KPI); a target's values for the years
 * between are vuositavoitteet / årsmål / yearly targets (not välitavoite / delmål, and not
 * milestones, which are the projects' own).
 */
const LOCALES = { fi, sv, en };

/** Words that name the same thing differently; none may appear in a language's texts. */
const OTHER_NAMES: Record<Language, RegExp[]> = {
  fi: [/välitavoit/i, /maksatu/i, /maksamatta/i, /omarahoitus/i, /mittari/i],
  sv: [/delmål/i, /utbetalning/i, /ej utbetal/i, /självfinansier/i, /mätare/i],
  en: [/disburse/i, /unpaid/i, /own funding/i, /\bmetric/i, /\bKPI/],
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

/** The word of each language for an indicator's aggregation and for a target's yearly values, as inflected in running text. */
const INDICATOR_STEMS: Record<Language, { aggregation: string; yearly: string }> = {
  fi: { aggregation: 'koon', yearly: 'vuositavoit' },
  sv: { aggregation: 'sammanställning', yearly: 'årsmål' },
  en: { aggregation: 'aggregation', yearly: 'yearly target' },
};

describe.each(LANGUAGES)('indicators in %s (issue 12)', (language) => {
  const locale = LOCALES[language];
  const vocabulary = locale.indicators;

  it('the catalogue form names a field as the list and the project page name it', () => {
    const fields = locale.indicatorForms.catalogue.fields;
    expect(fields.unit).toBe(vocabulary.unit);
    expect(fields.kind).toBe(vocabulary.kind);
    expect(fields.source).toBe(vocabulary.source);
    expect(fields.aggregation).toBe(vocabulary.aggregation);
    expect(locale.indicatorForms.fields.period).toBe(vocabulary.period);
  });

  it('says the aggregation and the yearly targets with the same word on screens and in the API’s problems', () => {
    const stems = INDICATOR_STEMS[language];
    expect(vocabulary.aggregation.toLowerCase()).toContain(stems.aggregation);
    expect(locale.problems.percentIsLatest.toLowerCase()).toContain(stems.aggregation);
    expect(vocabulary.yearlyTargets.toLowerCase()).toContain(stems.yearly);
    expect(locale.problems.outsideTargetYears.toLowerCase()).toContain(stems.yearly);
  });

  it('reads an empty target as "no target set", never as zero', () => {
    expect(vocabulary.noTarget).toBe(
      { fi: 'Tavoitetta ei ole asetettu', sv: 'Inget mål har satts', en: 'No target set' }[language],
    );
    expect(vocabulary.noTarget).not.toMatch(/\d/);
  });
});

describe('counts use the language’s plural forms (issue 9, item 21: "(1 riviä)")', () => {
  it.each([
    ['fi', 'Tiedosto a.csv ladattu (1 rivi).', 'Tiedosto a.csv ladattu (2 riviä).', '1 päivä'],
    ['sv', 'Filen a.csv nedladdad (1 rad).', 'Filen a.csv nedladdad (2 rader).', '1 dag'],
    ['en', 'a.csv downloaded (1 row).', 'a.csv downloaded (2 rows).', '1 day'],
  ] as const)('%s', (language, one, two, day) => {
    const { t } = testI18n(language);
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
