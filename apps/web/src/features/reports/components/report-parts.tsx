import type { Language } from '@salkku/shared';
import { todayIso } from '@salkku/shared';
import { useId, useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormat } from '../../../lib/format';
import type { HealthCount } from '../api/get-reports';
import type { Period } from '../lib/period';
import { TableScroll } from '../../../components/table-scroll';

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

/** A text as a CSS string literal (for `content:`), quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The `@page` rules of a printed report: A4 (landscape for a wide one), and in the margins of every
 * page the app and scope (top left), the period (top right), the print date (bottom left) and the
 * page number (bottom right).
 */
export function printPageCss({
  landscape,
  header,
  pageWord,
}: {
  landscape: boolean;
  header: { app: string; scope: string; period: string; printed: string };
  pageWord: string;
}): string {
  return [
    '@page {',
    `  size: A4${landscape ? ' landscape' : ''};`,
    '  margin: 18mm 12mm 15mm 12mm;',
    `  @top-left { content: ${cssString(`${header.app} · ${header.scope}`)}; font: 8pt system-ui, sans-serif; }`,
    `  @top-right { content: ${cssString(header.period)}; font: 8pt system-ui, sans-serif; }`,
    `  @bottom-left { content: ${cssString(header.printed)}; font: 8pt system-ui, sans-serif; }`,
    `  @bottom-right { content: ${cssString(`${pageWord} `)} counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; }`,
    '}',
  ].join('\n');
}

/**
 * What a printed report carries on every page, since the screen's header and navigation are left
 * out of the print: the app, what the report covers and its period at the top of each page, the
 * day it was printed and the page number at the bottom (CSS page-margin boxes, drawn by Chromium 131+ and
 * Firefox; a browser without them prints the report without the running header). The rules live
 * in <head> only while the report is shown, so other pages print as before and a wide report can
 * ask for landscape paper.
 */
export function PrintPageSetup({
  scope,
  period,
  landscape = false,
}: {
  scope: string;
  period: Period;
  landscape?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodText = usePeriodText(period);
  const css = printPageCss({
    landscape,
    header: {
      app: t('app.name'),
      scope,
      period: t('reports.printHeader.period', { period: periodText }),
      printed: t('reports.printHeader.printed', { date: format.date(todayIso('Europe/Helsinki')) }),
    },
    pageWord: t('reports.printHeader.page'),
  });
  useLayoutEffect(() => {
    const style = document.createElement('style');
    style.dataset.reportPrint = '';
    style.textContent = css;
    document.head.append(style);
    return () => style.remove();
  }, [css]);
  return null;
}

/**
 * A data table in its own scrolling region (a wide table scrolls on a narrow screen without the
 * page doing so), focusable so it scrolls from the keyboard, named by the table's caption. A
 * caption that repeats the heading just above it is read but not shown (not printed twice).
 */
export function ReportTable({
  caption,
  captionShown = true,
  children,
}: {
  caption: string;
  captionShown?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table report-table">
        <caption id={captionId} className={captionShown ? undefined : 'visually-hidden'}>
          {caption}
        </caption>
        {children}
      </table>
    </TableScroll>
  );
}
