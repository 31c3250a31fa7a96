import type { components } from '../lib/api/schema';
import { projectIndicators } from './project-fixtures';

/** Test data of indicators (issue 12), shaped by the generated API types; the figures are made up for the tests. */
export type Results = components['schemas']['ProjectIndicatorResults'];
type Line = Results['indicators'][number];

const INDICATOR_REF = {
  agreementId: null,
  kind: 'output',
  aggregation: 'sum',
  source: 'city',
  derivation: null,
  unitName: null,
} as const;

/** A typed-in indicator with a target and two of three half-years reported (figures made up for the test). */
export const TYPED: Line = {
  indicator: {
    ...INDICATOR_REF,
    id: '11111111-0000-4000-8000-000000000001',
    code: 'KUO-01',
    nameFi: 'Uudet palvelutuotteet',
    nameSv: 'Nya tjänsteprodukter',
    nameEn: 'New service products',
    unit: 'count',
  },
  targetId: '22222222-0000-4000-8000-000000000001',
  targetVersion: 2,
  result: {
    target: {
      baselineValue: '0',
      baselineYear: 2024,
      targetValue: '20',
      targetYear: 2029,
      milestones: [{ year: 2026, value: '8' }],
    },
    periods: [
      { period: '2025-H1', value: '3' },
      { period: '2025-H2', value: null },
      { period: '2026-H1', value: '2.5' },
    ],
    toDate: '5.5',
    latestPeriod: '2026-H1',
    achievement: 0.275,
    onPace: false,
    refusal: null,
  },
  actuals: [
    {
      id: '33333333-0000-4000-8000-000000000001',
      period: '2025-H1',
      value: '3',
      note: null,
      enteredBy: 'Kaisa Koordinaattori',
      updatedAt: '2025-08-01T10:00:00.000Z',
      version: 1,
    },
    {
      id: '33333333-0000-4000-8000-000000000002',
      period: '2026-H1',
      value: '2.5',
      note: null,
      enteredBy: 'Kaisa Koordinaattori',
      updatedAt: '2026-07-01T10:00:00.000Z',
      version: 1,
    },
  ],
  enterprises: null,
};

/** A derived indicator without a target: computed from participants, with the enterprises behind it. */
export const DERIVED: Line = {
  indicator: {
    ...INDICATOR_REF,
    id: '11111111-0000-4000-8000-000000000002',
    code: 'RCO01',
    nameFi: 'Tuetut yritykset',
    nameSv: 'Företag som får stöd',
    nameEn: 'Enterprises supported',
    unit: 'count',
    source: 'eu_common',
    derivation: 'enterprises_supported',
  },
  targetId: null,
  targetVersion: null,
  result: {
    target: null,
    periods: [
      { period: '2025-H1', value: '1' },
      { period: '2025-H2', value: '2' },
      { period: '2026-H1', value: '2' },
    ],
    toDate: '2',
    latestPeriod: '2026-H1',
    achievement: null,
    onPace: null,
    refusal: null,
  },
  actuals: [],
  enterprises: [
    {
      organisationId: '44444444-0000-4000-8000-000000000001',
      name: 'Vesiyritys Oy',
      businessId: '1234567-8',
      flagged: false,
    },
    { organisationId: '44444444-0000-4000-8000-000000000002', name: 'Nimetön Oy', businessId: null, flagged: true },
  ],
};

export const RESULTS: Results = { ...projectIndicators, indicators: [TYPED, DERIVED] };

type Indicator = components['schemas']['IndicatorResponse'];
type Target = components['schemas']['IndicatorTargetResponse'];
type Actual = components['schemas']['IndicatorActualResponse'];

const STAMP = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };

/** An indicator of the catalogue as GET /api/indicators answers. */
export function catalogueIndicator(ref: Line['indicator'], overrides: Partial<Indicator> = {}): Indicator {
  return {
    ...STAMP,
    ...ref,
    definitionFi: null,
    definitionSv: null,
    definitionEn: null,
    agreementTitle: null,
    version: 1,
    ...overrides,
  };
}

/** A common euro indicator the project has neither a target nor an actual for. */
export const EUROS: Indicator = catalogueIndicator({
  ...TYPED.indicator,
  id: '11111111-0000-4000-8000-000000000003',
  code: 'KUO-02',
  nameFi: 'Yksityiset investoinnit',
  nameSv: 'Privata investeringar',
  nameEn: 'Private investment',
  unit: 'euros',
});

/** The catalogue as the project's agreement sees it: the typed-in, the derived and the euro indicator. */
export const CATALOGUE: Indicator[] = [
  catalogueIndicator(TYPED.indicator),
  EUROS,
  catalogueIndicator(DERIVED.indicator),
];

/** TYPED's target as GET /api/indicator-targets/:id answers. */
export function typedTarget(projectId: string, agreementId: string): Target {
  const target = TYPED.result.target!;
  return {
    ...STAMP,
    id: TYPED.targetId!,
    indicatorId: TYPED.indicator.id,
    indicatorCode: TYPED.indicator.code,
    agreementId,
    projectId,
    baselineValue: target.baselineValue,
    baselineYear: target.baselineYear,
    targetValue: target.targetValue,
    targetYear: target.targetYear,
    milestones: target.milestones,
    version: TYPED.targetVersion!,
  };
}

/** TYPED's first actual (2025-H1) as GET /api/indicator-actuals/:id answers. */
export function typedActual(projectId: string, agreementId: string): Actual {
  const actual = TYPED.actuals[0]!;
  return {
    ...STAMP,
    id: actual.id,
    indicatorId: TYPED.indicator.id,
    indicatorCode: TYPED.indicator.code,
    agreementId,
    projectId,
    period: actual.period,
    value: actual.value,
    note: actual.note,
    enteredBy: actual.enteredBy,
    enteredById: null,
    version: actual.version,
  };
}
