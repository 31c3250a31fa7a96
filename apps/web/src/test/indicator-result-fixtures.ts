import type { components } from '../lib/api/schema';

/**
 * Test data for the indicator results of agreements, the nation and the dashboard (issue 12),
 * shaped by the generated API types; the figures are made up for the tests.
 */

type IndicatorRef = components['schemas']['IndicatorRef'];
type IndicatorResultLine = components['schemas']['IndicatorResultLine'];

/** RCO01, enterprises supported: a common EU indicator derived from the participant register (a count, summed). */
export const RCO01: IndicatorRef = {
  id: 'f1a2b3c4-0000-4000-8000-000000000001',
  code: 'RCO01',
  nameFi: 'Tuetut yritykset',
  nameSv: 'Företag som får stöd',
  nameEn: 'Enterprises supported',
  unit: 'count',
  unitName: null,
  kind: 'output',
  aggregation: 'sum',
  source: 'eu_common',
  derivation: 'enterprises_supported',
  agreementId: null,
};

/** RCO02, enterprises supported by grants: derived too. */
export const RCO02: IndicatorRef = {
  ...RCO01,
  id: 'f1a2b3c4-0000-4000-8000-000000000004',
  code: 'RCO02',
  nameFi: 'Avustuksilla tuetut yritykset',
  nameSv: 'Företag som får stöd genom bidrag',
  nameEn: 'Enterprises supported by grants',
  derivation: 'enterprises_supported_by_grants',
};

/** A city's own indicator in euros, typed in (summed over the periods). */
export const PRIVATE_INVESTMENT: IndicatorRef = {
  id: 'f1a2b3c4-0000-4000-8000-000000000002',
  code: 'KUO-EUR',
  nameFi: 'Yksityiset investoinnit',
  nameSv: 'Privata investeringar',
  nameEn: 'Private investment',
  unit: 'euros',
  unitName: null,
  kind: 'result',
  aggregation: 'sum',
  source: 'city',
  derivation: null,
  agreementId: 'a3c8e1f2-0000-4000-8000-0000000000aa',
};

/** A city's own share (a percent: the latest value, never summed). */
export const SHARE: IndicatorRef = {
  id: 'f1a2b3c4-0000-4000-8000-000000000003',
  code: 'KUO-PCT',
  nameFi: 'Kokeilujen osuus',
  nameSv: 'Andel försök',
  nameEn: 'Share of pilots',
  unit: 'percent',
  unitName: null,
  kind: 'result',
  aggregation: 'latest',
  source: 'city',
  derivation: null,
  agreementId: 'a3c8e1f2-0000-4000-8000-0000000000aa',
};

/** A result line: nothing reported and no target unless given. */
export function resultLine(periods: string[], overrides: Partial<IndicatorResultLine> = {}): IndicatorResultLine {
  return {
    target: null,
    periods: periods.map((period) => ({ period, value: null })),
    toDate: null,
    latestPeriod: null,
    achievement: null,
    onPace: null,
    refusal: null,
    ...overrides,
  };
}

/** Values by period, in the order of `periods` (null: not reported). */
export function periodValues(periods: string[], values: Array<string | null>) {
  return periods.map((period, index) => ({ period, value: values[index] ?? null }));
}
