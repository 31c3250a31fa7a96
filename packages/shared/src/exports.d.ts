import type { FundingDecisionStatus, FundingInstrument, Health, Language, LifecycleStatus, MilestoneStatus, ProjectKind } from './vocabulary';
/**
 * CSV exports: the datasets, the two profiles, the columns of each dataset in their stable
 * order, and every label an export writes (column headers, enum values, yes/no, file names) in
 * Finnish, Swedish and English. The API builds the export SQL from these; the web app may use
 * them to offer the choices. The enum labels are the same words the web app shows (a test in the
 * API compares them with the web app's locale files).
 */
export declare const EXPORT_DATASETS: readonly ["projects", "funding-decisions", "payments", "milestones", "status-reports"];
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
/**
 * `fi-excel`: what Excel in Finnish (or Swedish) opens correctly by double-click: `;` between
 * fields, UTF-8 with a BOM, decimal comma, dates as D.M.YYYY. `standard`: RFC 4180 with `,`,
 * UTF-8 without BOM, decimal point, ISO 8601 dates.
 */
export declare const EXPORT_PROFILES: readonly ["fi-excel", "standard"];
export type ExportProfile = (typeof EXPORT_PROFILES)[number];
/** The profile offered by default for a UI language. */
export declare function defaultExportProfile(language: Language): ExportProfile;
/** The columns of each export, in the order they appear in the file (never reorder: users' sheets refer to them). */
export declare const EXPORT_COLUMNS: {
    readonly projects: readonly ["code", "name", "kind", "lifecycleStatus", "priorityArea", "leadOrganisation", "plannedStart", "plannedEnd", "totalBudget", "euraCode", "fundingGranted", "fundingPaid", "fundingRemaining", "fundingUnknownAmounts", "latestReportingDate", "latestHealth", "nextMilestoneTitle", "nextMilestoneDueDate", "overdueMilestones", "id"];
    readonly 'funding-decisions': readonly ["decisionDate", "recordNumber", "decisionBody", "funder", "recipient", "projectCode", "projectName", "instrument", "decisionStatus", "amountGranted", "paid", "remaining", "paymentCount", "coFundingRate", "cap", "eligibleFrom", "eligibleTo", "conditions", "id"];
    readonly payments: readonly ["paidOn", "amount", "note", "recordNumber", "funder", "instrument", "projectCode", "projectName", "fundingDecisionId", "id"];
    readonly milestones: readonly ["projectCode", "projectName", "title", "description", "dueDate", "milestoneStatus", "completedOn", "overdue", "id"];
    readonly 'status-reports': readonly ["reportingDate", "projectCode", "projectName", "health", "lifecycleStatus", "summary", "risks", "nextSteps", "author", "id"];
};
export type ExportColumn = (typeof EXPORT_COLUMNS)[ExportDataset][number];
/** Column headers. */
export declare const EXPORT_COLUMN_LABELS: Readonly<Record<Language, Readonly<Record<ExportColumn, string>>>>;
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
export declare const EXPORT_VALUE_LABELS: Readonly<Record<Language, ExportValueLabels>>;
/** The words of an export's file name: `salkku-<dataset>-<scope>-<date>.csv`. */
export declare const EXPORT_FILE_WORDS: Readonly<Record<Language, Readonly<Record<ExportDataset | 'all', string>>>>;
