import type { ExportProfile, Language } from '@salkku/shared';
import type { AgreementIndicatorResults } from '../indicators/dto/indicator-results.response';
import type { AgreementReportResponse } from '../reports/dto/report.response';
import { CSV_PROFILES, FORMULA_START, csvField } from '../exports/csv-format';

/**
 * The frozen report of a closed round: what the agreement report said about the round's period
 * when the round closed (its figures, indicators and narratives) and the period reports, as one
 * JSON document. It is written once as text and served exactly as stored. `figures` is the flat
 * list of the period's numbers and states that a comparison with the live data looks at.
 */
export const FROZEN_REPORT_FORMAT = 'salkku.frozen-report/1';

export interface FrozenPeriodReport {
  id: string;
  project: { id: string; code: string; name: string };
  status: string;
  health: string | null;
  healthReasons: string | null;
  achievements: string | null;
  risks: string | null;
  nextSteps: string | null;
  lifecycleStatus: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
}

export interface FrozenDocument {
  format: typeof FROZEN_REPORT_FORMAT;
  round: {
    id: string;
    agreementId: string;
    period: string;
    dueDate: string;
    openedAt: string;
    openedBy: string;
  };
  frozenAt: string;
  frozenBy: string;
  /** The reports not approved when the round closed (closing with acceptMissing). */
  missing: Array<{ reportId: string; project: { id: string; code: string; name: string }; status: string }>;
  figures: Record<string, string | null>;
  periodReports: FrozenPeriodReport[];
  agreementReport: AgreementReportResponse;
  indicators: AgreementIndicatorResults;
}

/** The figures of a period: funding, milestones, health by area, each project's stage and health, indicators. */
export function figuresOf(
  report: AgreementReportResponse,
  indicators: AgreementIndicatorResults,
  period: string,
  periodReports: readonly FrozenPeriodReport[],
): Record<string, string | null> {
  const figures: Record<string, string | null> = {};
  const total = report.funding.total;
  figures['funding.granted'] = total.granted;
  figures['funding.paid'] = total.paid;
  figures['funding.paidInPeriod'] = total.paidInPeriod;
  figures['funding.remaining'] = total.remaining;
  figures['funding.unknownAmounts'] = String(total.unknownAmounts);
  figures['milestones.completed'] = String(report.milestones.totals.completed);
  figures['milestones.due'] = String(report.milestones.totals.due);
  figures['milestones.overdue'] = String(report.milestones.totals.overdue);
  for (const area of report.priorityAreas) {
    for (const bucket of area.projectsByHealth) {
      figures[`area.${area.nameFi}.health.${bucket.health}`] = String(bucket.count);
    }
    for (const project of area.projects) {
      figures[`project.${project.code}.lifecycleStatus`] = project.lifecycleStatus;
      figures[`project.${project.code}.health`] = project.latestReport?.health ?? null;
    }
  }
  for (const row of indicators.indicators) {
    const value = row.agreement.periods.find((p) => p.period === period)?.value ?? null;
    figures[`indicator.${row.indicator.code}.${period}`] = value;
  }
  for (const pr of periodReports) {
    figures[`periodReport.${pr.project.code}.status`] = pr.status;
    figures[`periodReport.${pr.project.code}.health`] = pr.health;
  }
  return figures;
}

/** The figures that differ between the frozen report and the live data, in key order. */
export function changedFigures(
  frozen: Record<string, string | null>,
  live: Record<string, string | null>,
): Array<{ figure: string; frozen: string | null; live: string | null }> {
  const keys = [...new Set([...Object.keys(frozen), ...Object.keys(live)])].sort();
  return keys
    .filter((key) => (frozen[key] ?? null) !== (live[key] ?? null))
    .map((figure) => ({ figure, frozen: frozen[figure] ?? null, live: live[figure] ?? null }));
}

const CSV_HEADERS: Readonly<Record<Language, readonly [string, string, string]>> = {
  fi: ['Osio', 'Tieto', 'Arvo'],
  sv: ['Avsnitt', 'Uppgift', 'Värde'],
  en: ['Section', 'Item', 'Value'],
};

const CSV_SECTIONS: Readonly<Record<Language, { round: string; figure: string; report: string; missing: string }>> = {
  fi: { round: 'Kierros', figure: 'Luku', report: 'Kausiraportti', missing: 'Puuttuu' },
  sv: { round: 'Omgång', figure: 'Siffra', report: 'Periodrapport', missing: 'Saknas' },
  en: { round: 'Round', figure: 'Figure', report: 'Period report', missing: 'Missing' },
};

const NUMBER = /^-?\d+(\.\d+)?$/;
const formula = new RegExp(FORMULA_START, 'u');

/**
 * The frozen report as CSV by the exports' rules: the profile's delimiter, BOM and decimal mark,
 * headers in the language, text that a spreadsheet would run as a formula neutralised with a
 * leading apostrophe (numbers stay numbers). Rows: the round, each figure, the period reports'
 * narratives and what was missing.
 */
export function frozenCsv(document: FrozenDocument, profileName: ExportProfile, language: Language): Buffer {
  const profile = CSV_PROFILES[profileName];
  const sections = CSV_SECTIONS[language];
  const cell = (value: string | null): string => {
    if (value === null) return '';
    if (NUMBER.test(value)) return profile.decimalComma ? value.replace('.', ',') : value;
    return csvField(formula.test(value) ? `'${value}` : value, profile.delimiter);
  };
  const rows: Array<[string, string, string | null]> = [
    [sections.round, 'period', document.round.period],
    [sections.round, 'dueDate', document.round.dueDate],
    [sections.round, 'frozenAt', document.frozenAt],
    [sections.round, 'frozenBy', document.frozenBy],
  ];
  for (const [key, value] of Object.entries(document.figures)) rows.push([sections.figure, key, value]);
  for (const pr of document.periodReports) {
    for (const field of ['status', 'health', 'healthReasons', 'achievements', 'risks', 'nextSteps'] as const) {
      rows.push([sections.report, `${pr.project.code}.${field}`, pr[field]]);
    }
  }
  for (const m of document.missing) rows.push([sections.missing, m.project.code, m.status]);
  const lines = [
    CSV_HEADERS[language].map((h) => csvField(h, profile.delimiter)).join(profile.delimiter),
    ...rows.map(([section, key, value]) => [cell(section), cell(key), cell(value)].join(profile.delimiter)),
  ];
  return Buffer.from((profile.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n', 'utf8');
}
