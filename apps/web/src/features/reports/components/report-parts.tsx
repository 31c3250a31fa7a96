import type { Language } from '@salkku/shared';
import { todayIso } from '@salkku/shared';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormat } from '../../../lib/format';
import type { HealthCount } from '../api/get-reports';
import type { Period } from '../lib/period';

/** The health buckets of a health mix, in display order (no status report yet: `none`). */
export const HEALTH_KEYS = ['on_track', 'at_risk', 'off_track', 'none'] as const;

/** How many projects of a health mix have this health. */
export const countOf = (counts: HealthCount[], health: HealthCount['health']) =>
  counts.find((c) => c.health === health)?.count ?? 0;

/** Colours of the charts: at least 3:1 against white (WCAG 1.4.11), never the only cue (tables and legends). */
export const REPORT_COLOURS = {
  granted: '#1f5fa8',
  paid: '#2e7d32',
  remaining: '#8a5300',
  health: { on_track: '#2e7d32', at_risk: '#8a5300', off_track: '#b3261e', none: '#616161' },
} as const;

/** A compact euro amount for chart axes ("15 t. €"); the tables carry the exact figures. */
export function compactMoney(language: Language): (value: number) => string {
  const formatter = new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (value) => formatter.format(value);
}

/** "1.1.2024–31.12.2024" in the active language. */
export function usePeriodText(period: Period): string {
  const { t } = useTranslation();
  const format = useFormat();
  return t('reports.period.range', { from: format.date(period.from), to: format.date(period.to) });
}

/** A titled section of a report (a region landmark named by its heading). */
export function ReportSection({
  title,
  className,
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className ? `report-section ${className}` : 'report-section'}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** The print button: the browser's own print dialog, where the report can also be saved as PDF. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={() => window.print()}>
      {t('reports.print')}
    </button>
  );
}

/**
 * Shown only on paper (see reports.css): what the report covers, its period and the day it was
 * printed, since the screen's header and navigation are left out of the print.
 */
export function PrintHeader({ scope, period }: { scope: string; period: Period }) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodText = usePeriodText(period);
  return (
    <div className="report-print-header">
      <p className="report-print-header__app">{t('app.name')}</p>
      <p>{scope}</p>
      <p>{t('reports.printHeader.period', { period: periodText })}</p>
      <p>{t('reports.printHeader.printed', { date: format.date(todayIso('Europe/Helsinki')) })}</p>
    </div>
  );
}

/**
 * A data table in its own scrolling region (a wide table scrolls on a narrow screen without the
 * page doing so), focusable so it scrolls from the keyboard, named by the table's caption.
 */
export function ReportTable({ caption, children }: { caption: string; children: ReactNode }) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table report-table">
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
