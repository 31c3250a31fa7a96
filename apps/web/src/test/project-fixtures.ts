import { jsonResponse } from './render-app';
import type { components } from '../lib/api/schema';

type FundingDecision = components['schemas']['FundingDecisionResponse'];
type Milestone = components['schemas']['MilestoneResponse'];
type Payment = components['schemas']['PaymentResponse'];
type ProjectDetail = components['schemas']['ProjectDetailResponse'];
type ProjectHistoryItem = components['schemas']['ProjectHistoryItemResponse'];
type ProjectHistoryPage = components['schemas']['ProjectHistoryItemPage'];
type ProjectIndicatorResults = components['schemas']['ProjectIndicatorResults'];
type StatusReport = components['schemas']['StatusReportResponse'];
type Participant = components['schemas']['ParticipantResponse'];

/** Test data for the project page, shaped by the generated API types. */
export const PROJECT_ID = 'b7d1c2e3-0000-4000-8000-000000000001';
const PROJECT_REF = {
  id: PROJECT_ID,
  code: 'VESI-KH',
  name: 'Kuopion kaupungin ekosysteemisopimuksen vesi-painopisteen käynnistämishanke',
};
const AGREEMENT_ID = 'a3c8e1f2-0000-4000-8000-0000000000aa';
const KUOPIO = { id: 'c1e2f3a4-0000-4000-8000-0000000000c1', name: 'Kuopion kaupunki' };
const SAVONIA = { id: 'c1e2f3a4-0000-4000-8000-000000000001', name: 'Savonia-ammattikorkeakoulu' };
const MINISTRY = { id: 'c1e2f3a4-0000-4000-8000-000000000009', name: 'Työ- ja elinkeinoministeriö' };

export const project: ProjectDetail = {
  ...PROJECT_REF,
  summary: 'Vesialan testiympäristö ja yritysyhteistyö.',
  kind: 'launch',
  lifecycleStatus: 'active',
  allowedTransitions: ['on_hold', 'completed', 'cancelled'],
  priorityArea: {
    id: 'a3c8e1f2-0000-4000-8000-000000000001',
    agreementId: AGREEMENT_ID,
    nameFi: 'Vesi',
    nameSv: 'Vatten',
    nameEn: 'Water',
  },
  leadOrganisation: SAVONIA,
  plannedStart: '2021-09-01',
  plannedEnd: '2023-08-31',
  totalBudget: '450000.00',
  euraCode: 'A77777',
  funding: { granted: '200000.00', paid: '50000.00', remaining: '150000.00', unknownAmounts: 1 },
  partners: [
    {
      id: 'f0000000-0000-4000-8000-000000000001',
      organisation: { ...KUOPIO, kind: 'city' },
      role: 'Vastinrahoittaja',
      budgetShare: '90000.00',
      version: 1,
    },
  ],
  latestStatus: { reportingDate: '2021-12-15', health: 'at_risk' },
  latestStatusReport: {
    id: 'e0000000-0000-4000-8000-000000000002',
    reportingDate: '2021-12-15',
    health: 'at_risk',
    lifecycleStatus: 'active',
    summary: 'Rekrytointi viivästyi.',
    risks: 'Testiympäristön hankinta voi myöhästyä.',
    nextSteps: 'Hankinta käyntiin tammikuussa.',
    author: 'Kaisa Koordinaattori',
  },
  nextMilestone: { id: 'd0000000-0000-4000-8000-000000000001', title: 'Testiympäristö auki', dueDate: '2022-02-04' },
  overdueMilestones: 1,
  overdueReport: false,
  version: 3,
  createdAt: '2021-09-01T08:00:00.000Z',
  updatedAt: '2021-12-15T10:00:00.000Z',
};

function decision(overrides: Partial<FundingDecision> & Pick<FundingDecision, 'id'>): FundingDecision {
  return {
    agreementId: AGREEMENT_ID,
    allowedTransitions: ['amended', 'withdrawn'],
    amountGranted: '200000.00',
    cap: null,
    coFundingRate: null,
    conditions: null,
    createdAt: '2021-09-20T08:00:00.000Z',
    decisionBody: 'Työ- ja elinkeinoministeriö',
    decisionDate: '2021-09-20',
    eligibleFrom: '2021-09-01',
    eligibleTo: '2023-08-31',
    funder: MINISTRY,
    funderId: MINISTRY.id,
    instrument: 'akke',
    paid: '0.00',
    paymentCount: 0,
    project: PROJECT_REF,
    projectId: PROJECT_ID,
    recipient: null,
    recipientId: null,
    recordNumber: 'VN/1234/2021',
    remaining: '200000.00',
    status: 'granted',
    updatedAt: '2021-09-20T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export const akkeDecision = decision({
  id: '90000000-0000-4000-8000-000000000001',
  paid: '50000.00',
  paymentCount: 2,
  remaining: '150000.00',
  coFundingRate: '80.00',
});

/** Granted, but the amount is not public yet. */
export const cityDecision = decision({
  id: '90000000-0000-4000-8000-000000000002',
  funder: KUOPIO,
  funderId: KUOPIO.id,
  instrument: 'city_co_funding',
  decisionBody: 'Kuopion kaupunginhallitus',
  decisionDate: '2021-10-04',
  recordNumber: '§51',
  amountGranted: null,
  remaining: null,
});

export const decisions = [akkeDecision, cityDecision];

function payment(overrides: Partial<Payment> & Pick<Payment, 'id' | 'paidOn' | 'amount'>): Payment {
  return {
    fundingDecisionId: akkeDecision.id,
    note: null,
    createdAt: `${overrides.paidOn}T08:00:00.000Z`,
    updatedAt: `${overrides.paidOn}T08:00:00.000Z`,
    version: 1,
    ...overrides,
  };
}

export const payments = [
  payment({ id: '80000000-0000-4000-8000-000000000001', paidOn: '2021-11-30', amount: '20000.00', note: 'Ennakko' }),
  payment({ id: '80000000-0000-4000-8000-000000000002', paidOn: '2022-03-31', amount: '30000.00' }),
];

function milestone(overrides: Partial<Milestone> & Pick<Milestone, 'id' | 'title' | 'dueDate'>): Milestone {
  return {
    allowedTransitions: [],
    completedOn: null,
    createdAt: '2021-09-01T08:00:00.000Z',
    description: null,
    overdue: false,
    project: PROJECT_REF,
    projectId: PROJECT_ID,
    status: 'planned',
    updatedAt: '2021-09-01T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export const milestones = [
  milestone({
    id: 'd0000000-0000-4000-8000-000000000000',
    title: 'Ohjausryhmä hyväksyy toimintasuunnitelman',
    dueDate: '2021-10-31',
    status: 'done',
    completedOn: '2021-10-28',
  }),
  milestone({
    id: 'd0000000-0000-4000-8000-000000000003',
    title: 'Hankinta kilpailutettu',
    dueDate: '2021-12-01',
    status: 'in_progress',
    overdue: true,
  }),
  milestone({ id: 'd0000000-0000-4000-8000-000000000001', title: 'Testiympäristö auki', dueDate: '2022-02-04' }),
];

function report(
  overrides: Partial<StatusReport> & Pick<StatusReport, 'id' | 'reportingDate' | 'health'>,
): StatusReport {
  return {
    author: 'Kaisa Koordinaattori',
    createdAt: `${overrides.reportingDate}T10:00:00.000Z`,
    lifecycleStatus: 'active',
    nextSteps: null,
    project: PROJECT_REF,
    projectId: PROJECT_ID,
    risks: null,
    summary: 'Hanke etenee.',
    version: 1,
    ...overrides,
  };
}

/** Newest first, as the API sends them. */
export const statusReports = [
  report({
    id: 'e0000000-0000-4000-8000-000000000002',
    reportingDate: '2021-12-15',
    health: 'at_risk',
    summary: 'Rekrytointi viivästyi.',
    risks: 'Testiympäristön hankinta voi myöhästyä.',
    nextSteps: 'Hankinta käyntiin tammikuussa.',
  }),
  report({ id: 'e0000000-0000-4000-8000-000000000001', reportingDate: '2021-10-31', health: 'on_track' }),
];

function participant(overrides: Partial<Participant> & Pick<Participant, 'id' | 'organisation' | 'role'>): Participant {
  return {
    projectId: PROJECT_ID,
    projectCode: PROJECT_REF.code,
    projectName: PROJECT_REF.name,
    startsOn: null,
    endsOn: null,
    supportKind: null,
    supportAmount: null,
    flagged: false,
    createdAt: '2021-09-01T08:00:00.000Z',
    updatedAt: '2021-09-01T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** The participant register of the project, by the organisation's name as the API sends it. */
export const participants = [
  participant({
    id: 'f0000000-0000-4000-8000-000000000002',
    organisation: {
      id: 'c1e2f3a4-0000-4000-8000-0000000000f1',
      name: 'Aalto Vesi Oy',
      kind: 'company',
      businessId: null,
    },
    role: 'company',
    startsOn: '2022-01-15',
    supportKind: 'grant',
    supportAmount: '12500.50',
    flagged: true,
  }),
  participant({
    id: 'f0000000-0000-4000-8000-000000000003',
    organisation: { ...KUOPIO, kind: 'city', businessId: '0171450-7' },
    role: 'other',
  }),
  participant({
    id: 'f0000000-0000-4000-8000-000000000001',
    organisation: { ...SAVONIA, kind: 'university_of_applied_sciences', businessId: '0245894-7' },
    role: 'lead',
    startsOn: '2021-09-01',
    endsOn: '2023-08-31',
    supportKind: 'none',
    supportAmount: '0.00',
  }),
];

export function auditItem(overrides: Partial<ProjectHistoryItem> & Pick<ProjectHistoryItem, 'id'>): ProjectHistoryItem {
  return {
    kind: 'audit',
    action: 'update',
    actorName: 'Kaisa Koordinaattori',
    author: null,
    changes: {},
    references: [],
    entityId: PROJECT_ID,
    entityType: 'project',
    health: null,
    lifecycleStatus: null,
    nextSteps: null,
    occurredAt: '2021-12-15T10:00:00.000Z',
    reportingDate: null,
    risks: null,
    summary: null,
    ...overrides,
  };
}

export const historyItems: ProjectHistoryItem[] = [
  auditItem({
    id: '70000000-0000-4000-8000-000000000002',
    occurredAt: '2022-01-10T12:30:00.000Z',
    changes: {
      totalBudget: { old: '400000.00', new: '450000.00' },
      plannedEnd: { old: '2023-06-30', new: '2023-08-31' },
      lifecycleStatus: { old: 'planned', new: 'active' },
    },
  }),
  {
    ...auditItem({ id: 'e0000000-0000-4000-8000-000000000002' }),
    kind: 'status_report',
    action: null,
    changes: null,
    entityId: null,
    entityType: null,
    health: 'at_risk',
    reportingDate: '2021-12-15',
    summary: 'Rekrytointi viivästyi.',
    author: 'Kaisa Koordinaattori',
    occurredAt: '2021-12-15T10:00:00.000Z',
  },
  auditItem({
    id: '70000000-0000-4000-8000-000000000001',
    action: 'create',
    entityType: 'funding_decision',
    entityId: cityDecision.id,
    actorName: 'Pekka Pääkäyttäjä',
    occurredAt: '2021-10-05T07:00:00.000Z',
    changes: {
      instrument: { old: null, new: 'city_co_funding' },
      status: { old: null, new: 'granted' },
      decisionDate: { old: null, new: '2021-10-04' },
      projectId: { old: null, new: PROJECT_ID },
      funderId: { old: null, new: 'a1000000-0000-4000-8000-0000000000ff' },
    },
    // The funder has been deleted since: the API names only the project.
    references: [{ id: PROJECT_ID, kind: 'project', name: 'VESI-KH Vesi-painopisteen käynnistämishanke' }],
  }),
];

/** The project's indicators: none with a target or an actual, and no derived one (tests of the section give their own). */
export const projectIndicators: ProjectIndicatorResults = {
  projectId: PROJECT_ID,
  periodicity: 'half_year',
  periods: ['2025-H1', '2025-H2', '2026-H1'],
  indicators: [],
};

export function pageOf<T>(items: T[], overrides: { total?: number; page?: number; pageSize?: number } = {}) {
  return { items, total: items.length, page: 1, pageSize: 100, ...overrides };
}

export function historyPage(items: ProjectHistoryItem[], overrides: Partial<ProjectHistoryPage> = {}) {
  return { ...pageOf(items, { pageSize: 25 }), ...overrides };
}

/**
 * Answers the project page's requests from the fixtures above; `overrides` replaces the answer
 * for a path (e.g. a 404 for the project itself).
 */
export function projectPageApi(
  overrides: Record<string, (request: Request) => Response> = {},
): (request: Request) => Response {
  const bodies: Record<string, () => unknown> = {
    [`/api/projects/${PROJECT_ID}`]: () => project,
    [`/api/projects/${PROJECT_ID}/history`]: () => historyPage(historyItems),
    '/api/funding-decisions': () => pageOf(decisions),
    '/api/payments': () => pageOf(payments),
    '/api/milestones': () => pageOf(milestones),
    '/api/status-reports': () => pageOf(statusReports),
    '/api/participants': () => pageOf(participants),
    [`/api/indicator-results/projects/${PROJECT_ID}`]: () => projectIndicators,
  };
  return (request) => {
    const { pathname } = new URL(request.url);
    const override = overrides[pathname];
    if (override) return override(request);
    const body = bodies[pathname];
    if (!body) throw new Error(`Unexpected request: ${request.method} ${pathname}`);
    return jsonResponse(body());
  };
}
