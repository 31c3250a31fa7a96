import type { TestApp } from './test-app';
import type { Json } from './values';

/**
 * Small factories that build data through the API itself (so they exercise the same rules as a
 * user), returning the created resource's JSON. Each takes overrides for the fields a test cares about.
 */
let sequence = 0;
const next = () => ++sequence;

/** POSTs the body as the admin and returns the JSON of the record created, failing loudly unless 201. */
export async function postCreated(t: TestApp, path: string, body: Json): Promise<Json> {
  const res = await t.http.post(path).send(body);
  if (res.status !== 201) {
    throw new Error(`POST ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body as Json;
}

export function newOrganisation(t: TestApp, overrides: Json = {}): Promise<Json> {
  return postCreated(t, '/api/organisations', { name: `Organisaatio ${next()}`, kind: 'company', ...overrides });
}

export async function newAgreement(t: TestApp, overrides: Json = {}): Promise<Json> {
  const cityId = overrides.cityId ?? (await newOrganisation(t, { kind: 'city' })).id;
  return postCreated(t, '/api/agreements', {
    title: `Ekosysteemisopimus ${next()}`,
    signedOn: '2021-02-09',
    validFrom: '2021-02-09',
    validTo: '2027-12-31',
    ...overrides,
    cityId,
  });
}

export async function newPriorityArea(t: TestApp, overrides: Json = {}): Promise<Json> {
  const agreementId = overrides.agreementId ?? (await newAgreement(t)).id;
  return postCreated(t, '/api/priority-areas', { nameFi: `Painopiste ${next()}`, ...overrides, agreementId });
}

/**
 * A project (kind other) led by a new organisation unless `leadOrganisationId` is given, in a new
 * priority area unless `priorityAreaId` is given: under the agreement `agreementId`, if given.
 */
export async function newProject(t: TestApp, overrides: Json = {}): Promise<Json> {
  const { agreementId, ...fields } = overrides;
  const priorityAreaId =
    fields.priorityAreaId ?? (await newPriorityArea(t, agreementId === undefined ? {} : { agreementId })).id;
  const leadOrganisationId = fields.leadOrganisationId ?? (await newOrganisation(t)).id;
  const n = next();
  return postCreated(t, '/api/projects', {
    code: `P-${n}`,
    name: `Hanke ${n}`,
    kind: 'other',
    ...fields,
    priorityAreaId,
    leadOrganisationId,
  });
}

/** The ids of a city and of its agreement, priority area and project. */
export interface CityPortfolio {
  cityId: string;
  agreementId: string;
  areaId: string;
  projectId: string;
}

/** A city with an agreement, a priority area and a project of its own. */
export async function newCityPortfolio(t: TestApp): Promise<CityPortfolio> {
  const city = await newOrganisation(t, { kind: 'city' });
  const agreement = await newAgreement(t, { cityId: city.id });
  const area = await newPriorityArea(t, { agreementId: agreement.id });
  const project = await newProject(t, { priorityAreaId: area.id });
  const id = (record: Json) => record.id as string;
  return { cityId: id(city), agreementId: id(agreement), areaId: id(area), projectId: id(project) };
}

/** A milestone (planned, due 30.6.2027) on a new project unless `projectId` is given. */
export async function newMilestone(t: TestApp, overrides: Json = {}): Promise<Json> {
  const projectId = overrides.projectId ?? (await newProject(t)).id;
  return postCreated(t, '/api/milestones', {
    title: `Virstanpylväs ${next()}`,
    dueDate: '2027-06-30',
    ...overrides,
    projectId,
  });
}

/** A status report (on track, dated 31.1.2025) on a new project unless `projectId` is given. */
export async function newStatusReport(t: TestApp, overrides: Json = {}): Promise<Json> {
  const projectId = overrides.projectId ?? (await newProject(t)).id;
  return postCreated(t, '/api/status-reports', {
    reportingDate: '2025-01-31',
    health: 'on_track',
    summary: `Tilanneraportti ${next()}`,
    ...overrides,
    projectId,
  });
}

/**
 * A funding decision (city co-funding, granted, 15000.00) under a new agreement and funder
 * unless `agreementId` / `funderId` are given.
 */
export async function newFundingDecision(t: TestApp, overrides: Json = {}): Promise<Json> {
  const agreementId = overrides.agreementId ?? (await newAgreement(t)).id;
  const funderId = overrides.funderId ?? (await newOrganisation(t, { kind: 'city' })).id;
  return postCreated(t, '/api/funding-decisions', {
    instrument: 'city_co_funding',
    status: 'granted',
    amountGranted: '15000.00',
    decisionBody: 'Kaupunginhallitus',
    decisionDate: '2023-06-19',
    recordNumber: `§${next()}`,
    ...overrides,
    agreementId,
    funderId,
  });
}

/** A payment (100.00, paid 31.3.2024) under a new funding decision unless `fundingDecisionId` is given. */
export async function newPayment(t: TestApp, overrides: Json = {}): Promise<Json> {
  const fundingDecisionId = overrides.fundingDecisionId ?? (await newFundingDecision(t)).id;
  return postCreated(t, '/api/payments', { paidOn: '2024-03-31', amount: '100.00', ...overrides, fundingDecisionId });
}

/** The id of a catalogue indicator by its code (the EU common indicators come with the schema). */
export async function indicatorIdOf(t: TestApp, code: string): Promise<string> {
  const res = await t.http.get('/api/indicators').query({ q: code, pageSize: 100 });
  const found = (res.body.items as Json[]).find((item) => item.code === code);
  if (!found) throw new Error(`no indicator ${code}: ${JSON.stringify(res.body)}`);
  return found.id as string;
}

/** A catalogue indicator (common, a count that sums, the city's own source) unless overridden. */
export function newIndicator(t: TestApp, overrides: Json = {}): Promise<Json> {
  const n = next();
  return postCreated(t, '/api/indicators', {
    code: `MIT-${n}`,
    nameFi: `Mittari ${n}`,
    nameSv: `Mätare ${n}`,
    nameEn: `Indicator ${n}`,
    unit: 'count',
    kind: 'output',
    aggregation: 'sum',
    source: 'city',
    ...overrides,
  });
}

/**
 * A target (baseline 0 in 2021, target 100 in 2027) of a new common indicator unless `indicatorId`
 * is given, on a new project unless `projectId` or `agreementId` is given.
 */
export async function newIndicatorTarget(t: TestApp, overrides: Json = {}): Promise<Json> {
  const indicatorId = overrides.indicatorId ?? (await newIndicator(t)).id;
  const holder =
    overrides.projectId !== undefined || overrides.agreementId !== undefined
      ? {}
      : { projectId: (await newProject(t)).id };
  return postCreated(t, '/api/indicator-targets', {
    baselineValue: '0',
    baselineYear: 2021,
    targetValue: '100',
    targetYear: 2027,
    ...holder,
    ...overrides,
    indicatorId,
  });
}

/** A value (12 in 2024) of a new common indicator unless `indicatorId` is given, on a new project unless a holder is given. */
export async function newIndicatorActual(t: TestApp, overrides: Json = {}): Promise<Json> {
  const indicatorId = overrides.indicatorId ?? (await newIndicator(t)).id;
  const holder =
    overrides.projectId !== undefined || overrides.agreementId !== undefined
      ? {}
      : { projectId: (await newProject(t)).id };
  return postCreated(t, '/api/indicator-actuals', {
    period: '2024',
    value: '12',
    ...holder,
    ...overrides,
    indicatorId,
  });
}
