import type {
  FundingDecisionStatus,
  FundingInstrument,
  Health,
  Language,
  LifecycleStatus,
  MilestoneStatus,
  ProjectKind,
} from './vocabulary';

/**
 * CSV exports: the datasets, the two profiles, the columns of each dataset in their stable
 * order, and every label an export writes (column headers, enum values, yes/no, file names) in
 * Finnish, Swedish and English. The API builds the export SQL from these; the web app may use
 * them to offer the choices. The enum labels are the same words the web app shows (a test in the
 * API compares them with the web app's locale files).
 */

export const EXPORT_DATASETS = ['projects', 'funding-decisions', 'payments', 'milestones', 'status-reports'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

/**
 * `fi-excel`: what Excel in Finnish (or Swedish) opens correctly by double-click: `;` between
 * fields, UTF-8 with a BOM, decimal comma, dates as D.M.YYYY. `standard`: RFC 4180 with `,`,
 * UTF-8 without BOM, decimal point, ISO 8601 dates.
 */
export const EXPORT_PROFILES = ['fi-excel', 'standard'] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

/** The profile offered by default for a UI language. */
export function defaultExportProfile(language: Language): ExportProfile {
  return language === 'en' ? 'standard' : 'fi-excel';
}

/** The columns of each export, in the order they appear in the file (never reorder: users' sheets refer to them). */
export const EXPORT_COLUMNS = {
  projects: [
    'code',
    'name',
    'kind',
    'lifecycleStatus',
    'priorityArea',
    'leadOrganisation',
    'plannedStart',
    'plannedEnd',
    'totalBudget',
    'euraCode',
    'fundingGranted',
    'fundingPaid',
    'fundingRemaining',
    'fundingUnknownAmounts',
    'latestReportingDate',
    'latestHealth',
    'nextMilestoneTitle',
    'nextMilestoneDueDate',
    'overdueMilestones',
    'id',
  ],
  'funding-decisions': [
    'decisionDate',
    'recordNumber',
    'decisionBody',
    'funder',
    'recipient',
    'projectCode',
    'projectName',
    'instrument',
    'decisionStatus',
    'amountGranted',
    'paid',
    'remaining',
    'paymentCount',
    'coFundingRate',
    'cap',
    'eligibleFrom',
    'eligibleTo',
    'conditions',
    'id',
  ],
  payments: [
    'paidOn',
    'amount',
    'note',
    'recordNumber',
    'funder',
    'instrument',
    'projectCode',
    'projectName',
    'fundingDecisionId',
    'id',
  ],
  milestones: [
    'projectCode',
    'projectName',
    'title',
    'description',
    'dueDate',
    'milestoneStatus',
    'completedOn',
    'overdue',
    'id',
  ],
  'status-reports': [
    'reportingDate',
    'projectCode',
    'projectName',
    'health',
    'lifecycleStatus',
    'summary',
    'risks',
    'nextSteps',
    'author',
    'id',
  ],
} as const satisfies Record<ExportDataset, readonly string[]>;

export type ExportColumn = (typeof EXPORT_COLUMNS)[ExportDataset][number];

/** Column headers. */
export const EXPORT_COLUMN_LABELS: Readonly<Record<Language, Readonly<Record<ExportColumn, string>>>> = {
  fi: {
    id: 'Tunniste',
    code: 'Hanketunnus',
    name: 'Hanke',
    kind: 'Hanketyyppi',
    lifecycleStatus: 'Vaihe',
    priorityArea: 'Painopiste',
    leadOrganisation: 'Päätoteuttaja',
    plannedStart: 'Suunniteltu alku',
    plannedEnd: 'Suunniteltu loppu',
    totalBudget: 'Kokonaisbudjetti (€)',
    euraCode: 'EURA-tunnus',
    fundingGranted: 'Rahoitus myönnetty (€)',
    fundingPaid: 'Rahoitus maksettu (€)',
    fundingRemaining: 'Rahoitus jäljellä (€)',
    fundingUnknownAmounts: 'Päätöksiä ilman summaa',
    latestReportingDate: 'Viimeisin tilanneraportti',
    latestHealth: 'Viimeisin tilanne',
    nextMilestoneTitle: 'Seuraava virstanpylväs',
    nextMilestoneDueDate: 'Seuraavan virstanpylvään määräpäivä',
    overdueMilestones: 'Myöhässä olevia virstanpylväitä',
    decisionDate: 'Päätöspäivä',
    recordNumber: 'Pykälä / diaarinumero',
    decisionBody: 'Päättäjä',
    funder: 'Rahoittaja',
    recipient: 'Saaja',
    projectCode: 'Hanketunnus',
    projectName: 'Hanke',
    instrument: 'Rahoitusmuoto',
    decisionStatus: 'Tila',
    amountGranted: 'Myönnetty (€)',
    paid: 'Maksettu (€)',
    remaining: 'Jäljellä (€)',
    paymentCount: 'Maksuja',
    coFundingRate: 'Rahoitusosuus (%)',
    cap: 'Enimmäismäärä (€)',
    eligibleFrom: 'Kustannukset alkaen',
    eligibleTo: 'Kustannukset asti',
    conditions: 'Ehdot',
    paidOn: 'Maksupäivä',
    amount: 'Summa (€)',
    note: 'Huomautus',
    fundingDecisionId: 'Rahoituspäätöksen tunniste',
    title: 'Virstanpylväs',
    description: 'Kuvaus',
    dueDate: 'Määräpäivä',
    milestoneStatus: 'Tila',
    completedOn: 'Valmistunut',
    overdue: 'Myöhässä',
    reportingDate: 'Raportointipäivä',
    health: 'Tilanne',
    summary: 'Tilanne ja perustelut',
    risks: 'Riskit',
    nextSteps: 'Seuraavat askeleet',
    author: 'Laatija',
  },
  sv: {
    id: 'Identifierare',
    code: 'Projektkod',
    name: 'Projekt',
    kind: 'Projekttyp',
    lifecycleStatus: 'Fas',
    priorityArea: 'Fokusområde',
    leadOrganisation: 'Huvudgenomförare',
    plannedStart: 'Planerad start',
    plannedEnd: 'Planerat slut',
    totalBudget: 'Total budget (€)',
    euraCode: 'EURA-kod',
    fundingGranted: 'Finansiering beviljad (€)',
    fundingPaid: 'Finansiering utbetald (€)',
    fundingRemaining: 'Finansiering återstår (€)',
    fundingUnknownAmounts: 'Beslut utan belopp',
    latestReportingDate: 'Senaste lägesrapport',
    latestHealth: 'Senaste läge',
    nextMilestoneTitle: 'Nästa milstolpe',
    nextMilestoneDueDate: 'Nästa milstolpes förfallodag',
    overdueMilestones: 'Försenade milstolpar',
    decisionDate: 'Beslutsdatum',
    recordNumber: 'Paragraf / diarienummer',
    decisionBody: 'Beslutsfattare',
    funder: 'Finansiär',
    recipient: 'Mottagare',
    projectCode: 'Projektkod',
    projectName: 'Projekt',
    instrument: 'Finansieringsform',
    decisionStatus: 'Status',
    amountGranted: 'Beviljat (€)',
    paid: 'Utbetalt (€)',
    remaining: 'Återstår (€)',
    paymentCount: 'Betalningar',
    coFundingRate: 'Finansieringsandel (%)',
    cap: 'Maximibelopp (€)',
    eligibleFrom: 'Kostnader från',
    eligibleTo: 'Kostnader till',
    conditions: 'Villkor',
    paidOn: 'Betalningsdag',
    amount: 'Belopp (€)',
    note: 'Anmärkning',
    fundingDecisionId: 'Finansieringsbeslutets identifierare',
    title: 'Milstolpe',
    description: 'Beskrivning',
    dueDate: 'Förfallodag',
    milestoneStatus: 'Status',
    completedOn: 'Klar den',
    overdue: 'Försenad',
    reportingDate: 'Rapporteringsdatum',
    health: 'Läge',
    summary: 'Läge och motivering',
    risks: 'Risker',
    nextSteps: 'Nästa steg',
    author: 'Författare',
  },
  en: {
    id: 'ID',
    code: 'Project code',
    name: 'Project',
    kind: 'Project type',
    lifecycleStatus: 'Stage',
    priorityArea: 'Priority area',
    leadOrganisation: 'Lead organisation',
    plannedStart: 'Planned start',
    plannedEnd: 'Planned end',
    totalBudget: 'Total budget (€)',
    euraCode: 'EURA code',
    fundingGranted: 'Funding granted (€)',
    fundingPaid: 'Funding paid (€)',
    fundingRemaining: 'Funding remaining (€)',
    fundingUnknownAmounts: 'Decisions without an amount',
    latestReportingDate: 'Latest status report',
    latestHealth: 'Latest health',
    nextMilestoneTitle: 'Next milestone',
    nextMilestoneDueDate: 'Next milestone due',
    overdueMilestones: 'Overdue milestones',
    decisionDate: 'Decision date',
    recordNumber: 'Record number',
    decisionBody: 'Decision body',
    funder: 'Funder',
    recipient: 'Recipient',
    projectCode: 'Project code',
    projectName: 'Project',
    instrument: 'Instrument',
    decisionStatus: 'Status',
    amountGranted: 'Granted (€)',
    paid: 'Paid (€)',
    remaining: 'Remaining (€)',
    paymentCount: 'Payments',
    coFundingRate: 'Co-funding rate (%)',
    cap: 'Cap (€)',
    eligibleFrom: 'Costs eligible from',
    eligibleTo: 'Costs eligible to',
    conditions: 'Conditions',
    paidOn: 'Paid on',
    amount: 'Amount (€)',
    note: 'Note',
    fundingDecisionId: 'Funding decision ID',
    title: 'Milestone',
    description: 'Description',
    dueDate: 'Due date',
    milestoneStatus: 'Status',
    completedOn: 'Completed on',
    overdue: 'Overdue',
    reportingDate: 'Reporting date',
    health: 'Health',
    summary: 'Status and reasons',
    risks: 'Risks',
    nextSteps: 'Next steps',
    author: 'Author',
  },
};

/** How an export writes enum values and booleans: the words the web app shows for them. */
export interface ExportValueLabels {
  lifecycleStatus: Readonly<Record<LifecycleStatus, string>>;
  health: Readonly<Record<Health, string>>;
  projectKind: Readonly<Record<ProjectKind, string>>;
  instrument: Readonly<Record<FundingInstrument, string>>;
  decisionStatus: Readonly<Record<FundingDecisionStatus, string>>;
  milestoneStatus: Readonly<Record<MilestoneStatus, string>>;
  yes: string;
  no: string;
}

export const EXPORT_VALUE_LABELS: Readonly<Record<Language, ExportValueLabels>> = {
  fi: {
    lifecycleStatus: {
      planned: 'Suunniteltu',
      active: 'Käynnissä',
      on_hold: 'Keskeytetty',
      completed: 'Päättynyt',
      cancelled: 'Peruttu',
    },
    health: { on_track: 'Etenee suunnitellusti', at_risk: 'Riskissä', off_track: 'Ei etene suunnitellusti' },
    projectKind: { launch: 'Käynnistämishanke', other: 'Muu hanke' },
    instrument: {
      akke: 'AKKE-rahoitus',
      erdf: 'EAKR',
      city_co_funding: 'Kaupungin rahoitus',
      business_finland: 'Business Finland',
      other: 'Muu rahoitus',
    },
    decisionStatus: {
      applied: 'Haettu',
      granted: 'Myönnetty',
      amended: 'Muutettu',
      rejected: 'Hylätty',
      withdrawn: 'Peruttu',
    },
    milestoneStatus: { planned: 'Suunniteltu', in_progress: 'Työn alla', done: 'Valmis', cancelled: 'Peruttu' },
    yes: 'kyllä',
    no: 'ei',
  },
  sv: {
    lifecycleStatus: {
      planned: 'Planerat',
      active: 'Pågående',
      on_hold: 'Pausat',
      completed: 'Avslutat',
      cancelled: 'Inställt',
    },
    health: { on_track: 'Enligt plan', at_risk: 'Risk för avvikelse', off_track: 'Avviker från planen' },
    projectKind: { launch: 'Startprojekt', other: 'Annat projekt' },
    instrument: {
      akke: 'AKKE-finansiering',
      erdf: 'Eruf',
      city_co_funding: 'Stadens finansiering',
      business_finland: 'Business Finland',
      other: 'Annan finansiering',
    },
    decisionStatus: {
      applied: 'Ansökt',
      granted: 'Beviljat',
      amended: 'Ändrat',
      rejected: 'Avslaget',
      withdrawn: 'Återtaget',
    },
    milestoneStatus: { planned: 'Planerad', in_progress: 'Pågår', done: 'Klar', cancelled: 'Inställd' },
    yes: 'ja',
    no: 'nej',
  },
  en: {
    lifecycleStatus: {
      planned: 'Planned',
      active: 'Active',
      on_hold: 'On hold',
      completed: 'Completed',
      cancelled: 'Cancelled',
    },
    health: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
    projectKind: { launch: 'Launch project', other: 'Other project' },
    instrument: {
      akke: 'AKKE funding',
      erdf: 'ERDF',
      city_co_funding: 'City funding',
      business_finland: 'Business Finland',
      other: 'Other funding',
    },
    decisionStatus: {
      applied: 'Applied for',
      granted: 'Granted',
      amended: 'Amended',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
    },
    milestoneStatus: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
    yes: 'yes',
    no: 'no',
  },
};

/** The words of an export's file name: `salkku-<dataset>-<scope>-<date>-<profile>.csv` (EXPORT_FILE_PROFILE_WORDS). */
export const EXPORT_FILE_WORDS: Readonly<Record<Language, Readonly<Record<ExportDataset | 'all', string>>>> = {
  fi: {
    projects: 'hankkeet',
    'funding-decisions': 'rahoituspaatokset',
    payments: 'maksut',
    milestones: 'virstanpylvaat',
    'status-reports': 'tilanneraportit',
    all: 'kaikki',
  },
  sv: {
    projects: 'projekt',
    'funding-decisions': 'finansieringsbeslut',
    payments: 'betalningar',
    milestones: 'milstolpar',
    'status-reports': 'lagesrapporter',
    all: 'alla',
  },
  en: {
    projects: 'projects',
    'funding-decisions': 'funding-decisions',
    payments: 'payments',
    milestones: 'milestones',
    'status-reports': 'status-reports',
    all: 'all',
  },
};

/**
 * The last word of an export's file name, by profile: the two profiles of the same list are
 * different files (a semicolon file for Excel, a comma file for other tools) and download under
 * different names, so one never silently replaces the other in the downloads folder.
 */
export const EXPORT_FILE_PROFILE_WORDS: Readonly<Record<ExportProfile, string>> = {
  'fi-excel': 'excel',
  standard: 'standard',
};
