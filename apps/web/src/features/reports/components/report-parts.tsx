import { todayIso } from '@salkku/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChartFigure } from '../../../components/bar-chart-figure';
import { CHART_COLOURS } from '../../../components/funding-chart';
import { QueryView } from '../../../components/load-status';
import { Page } from '../../../components/page';
import { GrantedMoney } from '../../../components/granted-money';
import { DataTable, numeric, type Column, type Columns } from '../../../components/data-table';
import { TitledSection } from '../../../components/titled-section';
import { useFormat } from '../../../lib/format';
import type { HealthCount, ReportFundingFigures } from '../api/get-reports';
import type { Period } from '../lib/period';
import { PeriodPicker } from './period-picker';
import './reports.css';

/** The health buckets of a health mix, in display order (no status report yet: `none`). */
export const HEALTH_KEYS = ['on_track', 'at_risk', 'off_track', 'none'] as const;

/** How many projects of a health mix have this health. */
export const countOf = (counts: HealthCount[], health: HealthCount['health']) =>
  counts.find((c) => c.health === health)?.count ?? 0;

/**
 * A report page: its heading (with what stands above it: the print setup, a way back), the period
 * picker and the print button, the loading status, a failure (with a retry unless `canRetry` is
 * false) and the report itself, marked busy while another period's figures load in its place.
 */
export function ReportFrame<T>({
  title,
  className,
  before,
  period,
  onPeriodChange,
  report,
  failure,
  canRetry = true,
  children,
}: {
  title: string;
  className: string;
  before?: ReactNode;
  period: Period;
  onPeriodChange: (next: Period) => void;
  report: UseQueryResult<T>;
  /** What to say when the report did not load. */
  failure: string;
  canRetry?: boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Page title={title} className={className} before={before}>
      <div className="report-toolbar">
        <PeriodPicker key={`${period.from}/${period.to}`} period={period} onChange={onPeriodChange} />
        <PrintButton />
      </div>
      <QueryView
        query={report}
        loading={t('reports.loading')}
        failure={failure}
        retryLabel={t('reports.retry')}
        canRetry={canRetry}
        className="report-body"
      >
        {children}
      </QueryView>
    </Page>
  );
}

/** The health mix of some groups (agreements, priority areas) as stacked bars, each group's counts in its text alternative. */
export function HealthMixChart({
  groups,
  label,
}: {
  groups: Array<{ name: string; projectsByHealth: HealthCount[] }>;
  /** The chart's label, given the summary of every group. */
  label: (summary: string) => string;
}) {
  const { t } = useTranslation();
  const summary = groups
    .map(
      (group) =>
        `${group.name}: ${HEALTH_KEYS.map((h) => `${t(`health.${h}`)} ${countOf(group.projectsByHealth, h)}`).join(', ')}`,
    )
    .join('; ');
  return (
    <BarChartFigure
      className="report-chart"
      title={t('reports.charts.healthTitle')}
      unit={t('reports.charts.projectsUnit')}
      empty={t('reports.charts.healthEmpty')}
      label={label(summary)}
      data={groups.map((group) => ({
        name: group.name,
        ...Object.fromEntries(HEALTH_KEYS.map((health) => [health, countOf(group.projectsByHealth, health)])),
      }))}
      categoryKey="name"
      stacked
      series={HEALTH_KEYS.map((health) => ({
        key: health,
        label: t(`health.${health}`),
        colour: CHART_COLOURS.health[health],
      }))}
    />
  );
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
  return (
    <TitledSection title={title} className={className ? `report-section ${className}` : 'report-section'}>
      {children}
    </TitledSection>
  );
}

/** The total row at the foot of a report table: "Total" over the first `span` columns, then the figures. */
export function TotalRow({ span = 1, children }: { span?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={span === 1 ? undefined : span}>
          {t('reports.total')}
        </th>
        {children}
      </tr>
    </tfoot>
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
 * A report's data table in its own scrolling region (components/data-table.tsx). A caption that
 * repeats the heading just above it is read but not shown (not printed twice).
 */
export function ReportTable({
  caption,
  captionShown = true,
  columns,
  children,
}: {
  caption: string;
  captionShown?: boolean;
  columns: Columns;
  children: ReactNode;
}) {
  return (
    <DataTable caption={caption} captionHidden={!captionShown} columns={columns} className="data-table report-table">
      {children}
    </DataTable>
  );
}

/** The columns of a report's funding figures: granted, paid, paid in the period, remaining. */
export function figureColumns(t: TFunction): Column[] {
  return numeric(
    t('reports.funding.granted'),
    t('reports.funding.paid'),
    t('reports.funding.paidInPeriod'),
    t('reports.funding.remaining'),
  );
}

/** A row's funding figures under figureColumns; unknown amounts said next to the amount granted. */
export function FigureCells({ figures }: { figures: ReportFundingFigures }) {
  const format = useFormat();
  return (
    <>
      <td className="num">
        <GrantedMoney amount={figures.granted} unknownAmounts={figures.unknownAmounts} text="reports.funding.unknown" />
      </td>
      <td className="num">{format.money(figures.paid)}</td>
      <td className="num">{format.money(figures.paidInPeriod)}</td>
      <td className="num">{format.money(figures.remaining)}</td>
    </>
  );
}
