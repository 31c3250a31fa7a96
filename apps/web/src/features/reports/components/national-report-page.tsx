import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useNationalReport, type NationalReport } from '../api/get-reports';
import { useReportPeriod } from '../hooks/use-report-period';
import { periodSearch } from '../lib/period';
import { PeriodPicker } from './period-picker';
import { BarChartFigure } from '../../../components/bar-chart-figure';
import {
  compactMoney,
  countOf,
  HEALTH_KEYS,
  PrintButton,
  PrintPageSetup,
  REPORT_COLOURS,
  ReportSection,
  ReportTable,
  usePeriodText,
} from './report-parts';
import './reports.css';

/**
 * The national view (/reports?from=&to=): every agreement the user may see side by side, with
 * a chart of their health mix and one of their funding (the table below is the alternative of
 * both), each row opening that agreement's report for the same period.
 */
export function NationalReportPage() {
  const { t } = useTranslation();
  const headingId = useId();
  const title = t('reports.national.title');
  useDocumentTitle(title);
  const { period, change } = useReportPeriod();
  const report = useNationalReport(period);

  return (
    <section aria-labelledby={headingId} className="report-page report-page--wide">
      {/* Thirteen columns: the table prints on landscape paper. */}
      <PrintPageSetup scope={t('reports.national.scope')} period={period} landscape />
      <h1 id={headingId} tabIndex={-1}>
        {title}
      </h1>
      <div className="report-toolbar">
        <PeriodPicker key={`${period.from}/${period.to}`} period={period} onChange={change} />
        <PrintButton />
      </div>
      <p role="status" className="status-message">
        {report.isFetching ? t('reports.loading') : ''}
      </p>
      {report.isError && (
        <div role="alert" className="error-message">
          <p>{t('reports.error')}</p>
          <button type="button" onClick={() => void report.refetch()}>
            {t('reports.retry')}
          </button>
        </div>
      )}
      {report.data && !report.isError && (
        <div aria-busy={report.isPlaceholderData || undefined} className="report-body">
          <NationalContent data={report.data} />
        </div>
      )}
    </section>
  );
}

function NationalContent({ data }: { data: NationalReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodText = usePeriodText(data.period);
  if (data.agreements.length === 0) return <p>{t('reports.national.empty')}</p>;

  const name = (row: NationalReport['agreements'][number]) => row.city.name;
  const healthData = data.agreements.map((row) => ({
    name: name(row),
    ...Object.fromEntries(HEALTH_KEYS.map((health) => [health, countOf(row.projectsByHealth, health)])),
  }));
  const healthSummary = data.agreements
    .map(
      (row) =>
        `${name(row)}: ${HEALTH_KEYS.map((h) => `${t(`health.${h}`)} ${countOf(row.projectsByHealth, h)}`).join(', ')}`,
    )
    .join('; ');
  const fundingSummary = data.agreements
    .map((row) =>
      t('reports.funding.summaryItem', {
        name: name(row),
        granted: format.money(row.granted),
        paid: format.money(row.paid),
        remaining: format.money(row.remaining),
      }),
    )
    .join('; ');

  return (
    <>
      <p>{t('reports.national.intro', { period: periodText, asOf: format.date(data.period.asOf) })}</p>
      <div className="report-charts">
        <BarChartFigure
          className="report-chart"
          width={640}
          label={t('reports.national.healthChart', { summary: healthSummary })}
          data={healthData}
          categoryKey="name"
          stacked
          series={HEALTH_KEYS.map((health) => ({
            key: health,
            label: t(`health.${health}`),
            colour: REPORT_COLOURS.health[health],
          }))}
        />
        <BarChartFigure
          className="report-chart"
          width={640}
          label={t('reports.funding.chart', { summary: fundingSummary })}
          data={data.agreements.map((row) => ({
            name: name(row),
            // Numbers only for drawing the bars; every figure shown as text is the exact decimal string.
            granted: Number(row.granted),
            paid: Number(row.paid),
            remaining: Number(row.remaining),
          }))}
          categoryKey="name"
          formatValue={compactMoney(format.language)}
          series={[
            { key: 'granted', label: t('reports.funding.granted'), colour: REPORT_COLOURS.granted },
            { key: 'paid', label: t('reports.funding.paid'), colour: REPORT_COLOURS.paid },
            { key: 'remaining', label: t('reports.funding.remaining'), colour: REPORT_COLOURS.remaining },
          ]}
        />
      </div>
      <ReportSection title={t('reports.national.tableTitle')}>
        <ReportTable caption={t('reports.national.caption', { period: periodText })}>
          <thead>
            <tr>
              <th scope="col">{t('reports.national.columns.city')}</th>
              <th scope="col">{t('reports.national.columns.agreement')}</th>
              <th scope="col" className="num">
                {t('reports.national.columns.projects')}
              </th>
              {HEALTH_KEYS.map((health) => (
                <th scope="col" className="num" key={health}>
                  {t(`health.${health}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('reports.funding.granted')}
              </th>
              <th scope="col" className="num">
                {t('reports.funding.paid')}
              </th>
              <th scope="col" className="num">
                {t('reports.funding.paidInPeriod')}
              </th>
              <th scope="col" className="num">
                {t('reports.funding.remaining')}
              </th>
              <th scope="col" className="num">
                {t('reports.national.columns.overdue')}
              </th>
              <th scope="col" className="num">
                {t('reports.national.columns.needingUpdate', { count: data.staleAfterDays })}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.agreements.map((row) => (
              <tr key={row.agreement.id}>
                <th scope="row">{row.city.name}</th>
                <td>
                  <Link to={`/reports/agreements/${row.agreement.id}?${periodSearch(data.period)}`}>
                    {row.agreement.title}
                  </Link>
                </td>
                <NationalFigures row={row} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('reports.total')}
              </th>
              <NationalFigures row={data.totals} />
            </tr>
          </tfoot>
        </ReportTable>
      </ReportSection>
    </>
  );
}

function NationalFigures({ row }: { row: NationalReport['totals'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <td className="num">{row.projects}</td>
      {HEALTH_KEYS.map((health) => (
        <td className="num" key={health}>
          {countOf(row.projectsByHealth, health)}
        </td>
      ))}
      <td className="num">
        {format.money(row.granted)}
        {row.unknownAmounts > 0 && (
          <span className="secondary">{t('reports.funding.unknown', { count: row.unknownAmounts })}</span>
        )}
      </td>
      <td className="num">{format.money(row.paid)}</td>
      <td className="num">{format.money(row.paidInPeriod)}</td>
      <td className="num">{format.money(row.remaining)}</td>
      <td className="num">{row.overdueMilestones}</td>
      <td className="num">{row.projectsNeedingUpdate}</td>
    </>
  );
}
