import type { components } from '../../../lib/api/schema';

type AgreementReport = components['schemas']['AgreementReportResponse'];
type IndicatorResults = components['schemas']['AgreementIndicatorResults'];

/**
 * The frozen report of a closed round as GET /api/reporting-rounds/:id/frozen serves it (format
 * "salkku.frozen-report/1"). The API's OpenAPI document describes it only as an object, so its
 * envelope is named here; its agreement report and indicator results are the generated types.
 * `readFrozen` checks the envelope before the page uses it.
 */
export interface FrozenDocument {
  format: string;
  round: { id: string; agreementId: string; period: string; dueDate: string; openedAt: string; openedBy: string };
  frozenAt: string;
  frozenBy: string;
  missing: Array<{ reportId: string; project: { id: string; code: string; name: string }; status: string }>;
  figures: Record<string, string | null>;
  periodReports: Array<{
    id: string;
    project: { id: string; code: string; name: string };
    status: components['schemas']['PeriodReportStatus'];
    health: components['schemas']['Health'] | null;
    healthReasons: string | null;
    achievements: string | null;
    risks: string | null;
    nextSteps: string | null;
    lifecycleStatus: components['schemas']['LifecycleStatus'] | null;
    submittedAt: string | null;
    submittedBy: string | null;
    approvedAt: string | null;
    approvedBy: string | null;
  }>;
  agreementReport: AgreementReport;
  indicators: IndicatorResults;
}

export const FROZEN_FORMAT = 'salkku.frozen-report/1';

/** The document when it is the format this page knows, else null (a newer API: the page says so). */
export function readFrozen(value: unknown): FrozenDocument | null {
  if (typeof value !== 'object' || value === null) return null;
  const doc = value as Partial<FrozenDocument>;
  if (doc.format !== FROZEN_FORMAT || !doc.round || !doc.figures || !Array.isArray(doc.periodReports)) return null;
  return doc as FrozenDocument;
}
