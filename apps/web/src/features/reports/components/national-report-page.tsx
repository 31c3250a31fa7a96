import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FundingChart } from '../../../components/funding-chart';
import { useFormat } from '../../../lib/format';
import { useNationalIndicatorResults, type NationalIndicatorResults } from '../api/get-indicator-results';
import { useNationalReport, type NationalReport } from '../api/get-reports';
import { useReportPeriod } from '../hooks/use-report-period';
import { periodSearch } from '../lib/period';
import {
  countOf,
  FigureCells,
  figureColumns,
  HEALTH_KEYS,
  HealthMixChart,
  PrintPageSetup,
  ReportFrame,
  ReportSection,
  ReportTable,
  TotalRow,
  usePeriodText,
} from './report-parts';
import { NationalIndicatorsSection } from './indicator-results';

/**
 * The national view (/reports?from=&to=): every agreement the user may see side by side, with
 * a chart of their health mix and one of their funding (the table below is the alternative of
 * both), each row opening that agreement's report for the same period, and the common indicators
 * of every agreement side by side (indicator-results.tsx).
 */
export function NationalReportPage() {
  const { t } = useTranslation();
  const { period, change } = useReportPeriod();
  const report = useNationalReport(period);
  // Started with the report, not after it: the common indicators show when they arrive.
  const indicators = useNationalIndicatorResults();
  return (
    <ReportFrame
      title={t('reports.national.title')}
      className="report-page report-page--wide printed-document"
      // Thirteen columns: the table prints on landscape paper.
      before={<PrintPageSetup scope={t('reports.national.scope')} period={period} landscape />}
      period={period}
      onPeriodChange={change}
      report={report}
      failure={t('reports.error')}
    >
      {(data) => <NationalContent data={data} indicators={indicators} />}
    </ReportFrame>
  );
}

function NationalContent({
  data,
  indicators,
}: {
  data: NationalReport;
  indicators: UseQueryResult<NationalIndicatorResults>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodText = usePeriodText(data.period);
  if (data.agreements.length === 0) return <p>{t('reports.national.empty')}</p>;

  const groups = data.agreements.map((row) => ({ ...row, name: row.city.name }));

  return (
    <>
      <p>{t('reports.national.intro', { period: periodText, asOf: format.date(data.period.asOf) })}</p>
      <div className="report-charts">
        <HealthMixChart groups={groups} label={(summary) => t('reports.national.healthChart', { summary })} />
        <FundingChart
          className="report-chart"
          groups={groups}
          texts="reports.funding"
          title={t('reports.charts.fundingTitle')}
          unit={t('reports.charts.fundingUnit')}
          empty={t('reports.charts.fundingEmpty')}
          layout="rows"
        />
      </div>
      <ReportSection title={t('reports.national.tableTitle')}>
        <ReportTable
          caption={t('reports.national.caption', { period: periodText })}
          columns={[
            t('reports.national.columns.city'),
            t('reports.national.columns.agreement'),
            { label: t('reports.national.columns.projects'), numeric: true },
            ...HEALTH_KEYS.map((health) => ({ label: t(`health.${health}`), numeric: true })),
            ...figureColumns(t),
            { label: t('reports.national.columns.overdue'), numeric: true },
            { label: t('reports.national.columns.needingUpdate', { count: data.staleAfterDays }), numeric: true },
          ]}
        >
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
          <TotalRow span={2}>
            <NationalFigures row={data.totals} />
          </TotalRow>
        </ReportTable>
      </ReportSection>
      <NationalIndicatorsSection query={indicators} reportSearch={periodSearch(data.period)} />
    </>
  );
}

function NationalFigures({ row }: { row: NationalReport['totals'] }) {
  return (
    <>
      <td className="num">{row.projects}</td>
      {HEALTH_KEYS.map((health) => (
        <td className="num" key={health}>
          {countOf(row.projectsByHealth, health)}
        </td>
      ))}
      <FigureCells figures={row} />
      <td className="num">{row.overdueMilestones}</td>
      <td className="num">{row.projectsNeedingUpdate}</td>
    </>
  );
}
