import type { UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BarChartFigure } from '../../../components/bar-chart-figure';
import { numeric, type Column } from '../../../components/data-table';
import { CHART_COLOURS, compactMoney } from '../../../components/funding-chart';
import { PaceLabel } from '../../../components/indicator-status';
import { QueryView } from '../../../components/load-status';
import { useIndicatorFormat } from '../../../lib/indicator-format';
import { localisedName } from '../../../lib/localised-name';
import type {
  AgreementIndicatorResults,
  Enterprise,
  IndicatorRef,
  IndicatorResultLine,
  NationalIndicatorResults,
} from '../api/get-indicator-results';
import { ReportSection, ReportTable } from './report-parts';

/**
 * The indicators of a report: the agreement report's (for the agreement and by priority area, per
 * period and to date, with a small trend chart and its table) and the national view's (the common
 * indicators of every agreement side by side). Achievement, pace and roll-ups come from the API,
 * which computes them with the rules of packages/shared; here they are only put into words.
 */

/** A value that is not there: a dash on screen and on paper, "not reported" when read aloud. */
function NotReported() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('indicators.notReported')}</span>
    </>
  );
}

/** The indicator's code and name in the active language ("RCO01 Tuetut yritykset"). */
function useIndicatorTitle() {
  const format = useIndicatorFormat();
  return (indicator: IndicatorRef) => `${indicator.code} ${localisedName(indicator, format.language)}`;
}

/** What an indicator is measured in and how its periods add up ("Lukumäärä · Koonti: Kausien summa"); derived or not. */
function IndicatorAbout({ indicator }: { indicator: IndicatorRef }) {
  const { t } = useTranslation();
  const unit =
    indicator.unit === 'other' && indicator.unitName ? indicator.unitName : t(`indicators.units.${indicator.unit}`);
  return (
    <p className="secondary">
      {unit} · {t('indicators.aggregation')}: {t(`indicators.aggregations.${indicator.aggregation}`)}
      {indicator.derivation && (
        <>
          {' · '}
          <strong>{t('indicators.derived')}</strong>
        </>
      )}
    </p>
  );
}

/** The result columns of a level: target (with the baseline under it), actual to date, achievement, pace. */
function resultColumns(t: TFunction): Column[] {
  return [
    ...numeric(t('indicators.target'), t('indicators.toDate'), t('indicators.achievement')),
    { label: t('indicators.pace.title') },
  ];
}

/**
 * A level's results under resultColumns. A roll-up the rules refuse (different units, summed
 * percentages) says why across to date, achievement and pace; no target reads "no target set",
 * nothing reported "not reported", never 0.
 */
function ResultCells({ line, indicator }: { line: IndicatorResultLine; indicator: IndicatorRef }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const { target } = line;
  return (
    <>
      <td className="num">
        {target ? (
          <>
            {t('indicators.valueInYear', {
              value: format.value(target.targetValue, indicator),
              year: target.targetYear,
            })}
            <span className="secondary">
              {t('indicators.baseline')}{' '}
              {t('indicators.valueInYear', {
                value: format.value(target.baselineValue, indicator),
                year: target.baselineYear,
              })}
            </span>
          </>
        ) : (
          t('indicators.noTarget')
        )}
      </td>
      {line.refusal ? (
        <td colSpan={3}>{t(`indicators.refusals.${line.refusal}`)}</td>
      ) : (
        <>
          <td className="num">{line.toDate === null ? <NotReported /> : format.value(line.toDate, indicator)}</td>
          <td className="num">{format.achievement(line.achievement)}</td>
          <td>
            <PaceLabel onPace={line.onPace} hasTarget={target !== null} />
          </td>
        </>
      )}
    </>
  );
}

/**
 * Nothing to show yet at any level: no target set, nothing reported (or, for an indicator derived
 * from the participants, no enterprise counted), nothing refused, no enterprise.
 */
function isQuiet(lines: IndicatorResultLine[], enterprises: Enterprise[] | null, derived: boolean): boolean {
  const nothing = (toDate: string | null) => toDate === null || (derived && Number(toDate) === 0);
  return (
    (enterprises ?? []).length === 0 &&
    lines.every((line) => line.target === null && nothing(line.toDate) && line.refusal === null)
  );
}

/**
 * The indicators with nothing yet (every derived indicator is listed, target or not), named in one
 * sentence instead of a table of dashes each; when none has anything, the section's one sentence
 * says so and names none (the report stays as short as it was, on paper too).
 */
function QuietIndicators({ indicators }: { indicators: IndicatorRef[] }) {
  const { t } = useTranslation();
  const title = useIndicatorTitle();
  if (indicators.length === 0) return null;
  return (
    <p className="report-indicators__quiet">
      <strong>{t('indicatorResults.nothingYet')}</strong> {indicators.map(title).join('; ')}
    </p>
  );
}

/** A period's value in a table cell: the value, or a dash read as "not reported". */
function PeriodValue({ value, indicator }: { value: string | null; indicator: IndicatorRef }) {
  const format = useIndicatorFormat();
  return <>{value === null ? <NotReported /> : format.value(value, indicator)}</>;
}

/**
 * The agreement's values period by period as bars (nothing reported: no bar, and "not reported" in
 * the text alternative); the table beside it carries the same figures.
 */
function TrendChart({ indicator, line, name }: { indicator: IndicatorRef; line: IndicatorResultLine; name: string }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const summary = line.periods
    .map(
      ({ period, value }) =>
        `${format.period(period)} ${value === null ? t('indicators.notReported') : format.value(value, indicator)}`,
    )
    .join(', ');
  return (
    <BarChartFigure
      className="report-chart indicator-trend"
      label={t('indicatorResults.report.chart', { name, summary })}
      // Numbers only for drawing the bars; every figure shown as text is the exact decimal string.
      data={line.periods.map(({ period, value }) => ({
        period: format.period(period),
        value: value === null ? 0 : Number(value),
      }))}
      categoryKey="period"
      formatValue={
        indicator.unit === 'euros'
          ? compactMoney(format.language)
          : (value) => format.value(String(value), { unit: indicator.unit })
      }
      series={[{ key: 'value', label: t('indicators.actual'), colour: CHART_COLOURS.primary }]}
    />
  );
}

/** The enterprises behind a derived number (within the viewer's scope); those without a business ID flagged. */
function EnterpriseList({ enterprises }: { enterprises: Enterprise[] }) {
  const { t } = useTranslation();
  if (enterprises.length === 0) {
    return (
      <p>
        <strong>{t('indicators.enterprises.title')}:</strong> {t('indicators.enterprises.empty')}
      </p>
    );
  }
  return (
    <>
      <p>
        <strong>
          {t('indicators.enterprises.title')} ({enterprises.length})
        </strong>
      </p>
      <ul className="indicator-enterprises">
        {enterprises.map((enterprise) => (
          <li key={enterprise.organisationId}>
            {enterprise.name}
            {enterprise.businessId && ` (${enterprise.businessId})`}
            {enterprise.flagged && <span className="secondary">{t('indicators.enterprises.flagged')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The agreement report's indicators section: for each indicator, the agreement and each priority
 * area to date against their targets, the agreement's values period by period as a chart with a
 * table alternative (areas beside it), and for a derived indicator the enterprises behind it.
 * Loaded on its own query (passed in, started with the report), so the rest of the report does not
 * wait for it; printed with the report.
 */
export function AgreementIndicatorsSection({ query }: { query: UseQueryResult<AgreementIndicatorResults> }) {
  const { t } = useTranslation();
  return (
    <ReportSection title={t('indicators.title')} className="report-indicators">
      <QueryView
        query={query}
        loading={t('indicatorResults.loading')}
        failure={t('indicatorResults.error')}
        retryLabel={t('indicatorResults.retry')}
        className="report-indicators__body"
      >
        {(data) => {
          const quiet = (item: AgreementIndicatorResults['indicators'][number]) =>
            isQuiet(
              [item.agreement, ...item.areas.map((area) => area.result)],
              item.enterprises,
              item.indicator.derivation !== null,
            );
          const shown = data.indicators.filter((item) => !quiet(item));
          return (
            <>
              {shown.length === 0 ? (
                <p>{t('indicatorResults.report.empty')}</p>
              ) : (
                <p>
                  {t('indicatorResults.report.intro', {
                    periodicity: t(`indicators.periodicities.${data.periodicity}`),
                  })}
                </p>
              )}
              {shown.map((item) => (
                <AgreementIndicator key={item.indicator.id} item={item} />
              ))}
              {shown.length > 0 && (
                <QuietIndicators indicators={data.indicators.filter(quiet).map((item) => item.indicator)} />
              )}
            </>
          );
        }}
      </QueryView>
    </ReportSection>
  );
}

function AgreementIndicator({ item }: { item: AgreementIndicatorResults['indicators'][number] }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const title = useIndicatorTitle()(item.indicator);
  const { indicator } = item;
  const levels = [
    { key: 'agreement', name: t('indicatorResults.report.wholeAgreement'), line: item.agreement },
    ...item.areas.map((area) => ({
      key: area.priorityAreaId,
      name: localisedName(area, format.language),
      line: area.result,
    })),
  ];
  const drawn = !item.agreement.refusal && item.agreement.periods.some((p) => p.value !== null);
  const reported = levels.some((level) => level.line.periods.some((p) => p.value !== null));
  return (
    <div className="report-indicator">
      <h3>{title}</h3>
      <IndicatorAbout indicator={indicator} />
      <ReportTable
        caption={t('indicatorResults.report.levels', { name: title })}
        captionShown={false}
        columns={[t('indicatorResults.columns.level'), ...resultColumns(t)]}
      >
        <tbody>
          {levels.map((level) => (
            <tr key={level.key}>
              <th scope="row">{level.name}</th>
              <ResultCells line={level.line} indicator={indicator} />
            </tr>
          ))}
        </tbody>
      </ReportTable>
      {reported && (
        <div className="report-indicator__trend">
          {drawn && <TrendChart indicator={indicator} line={item.agreement} name={title} />}
          <ReportTable
            caption={t('indicatorResults.report.periods', { name: title })}
            columns={[t('indicators.period'), ...levels.map((level) => ({ label: level.name, numeric: true }))]}
          >
            <tbody>
              {item.agreement.periods.map(({ period }, index) => (
                <tr key={period}>
                  <th scope="row">{format.period(period)}</th>
                  {levels.map((level) => (
                    <td className="num" key={level.key}>
                      <PeriodValue value={level.line.periods[index]?.value ?? null} indicator={indicator} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </ReportTable>
        </div>
      )}
      {item.enterprises && <EnterpriseList enterprises={item.enterprises} />}
    </div>
  );
}

/**
 * The national view's common indicators: for each, every agreement the user can see side by side
 * (a row each: to date against its target, achievement, pace) and all of them together, each row
 * opening that agreement's report. One table per indicator with the agreements as rows reads at
 * phone width (five columns) however many agreements there are.
 */
export function NationalIndicatorsSection({
  query,
  reportSearch,
}: {
  query: UseQueryResult<NationalIndicatorResults>;
  /** The search of an agreement report's address (the same period as the national view). */
  reportSearch: string;
}) {
  const { t } = useTranslation();
  const title = useIndicatorTitle();
  return (
    <ReportSection title={t('indicatorResults.national.title')} className="report-indicators">
      <QueryView
        query={query}
        loading={t('indicatorResults.loading')}
        failure={t('indicatorResults.error')}
        retryLabel={t('indicatorResults.retry')}
        className="report-indicators__body"
      >
        {(data) => {
          const quiet = (item: NationalIndicatorResults['indicators'][number]) =>
            isQuiet(
              [item.total, ...item.agreements.map((row) => row.result)],
              item.enterprises,
              item.indicator.derivation !== null,
            );
          const shown = data.indicators.filter((item) => !quiet(item));
          return (
            <>
              <p>{shown.length === 0 ? t('indicatorResults.national.empty') : t('indicatorResults.national.intro')}</p>
              {shown.map((item) => (
                <div className="report-indicator" key={item.indicator.id}>
                  <h3>{title(item.indicator)}</h3>
                  <IndicatorAbout indicator={item.indicator} />
                  <ReportTable
                    caption={t('indicatorResults.national.caption', { name: title(item.indicator) })}
                    captionShown={false}
                    columns={[t('indicatorResults.columns.agreement'), ...resultColumns(t)]}
                  >
                    <tbody>
                      {item.agreements.map((row) => (
                        <tr key={row.agreementId}>
                          <th scope="row">
                            <Link to={`/reports/agreements/${row.agreementId}?${reportSearch}`}>{row.cityName}</Link>
                            <span className="secondary">{row.title}</span>
                          </th>
                          <ResultCells line={row.result} indicator={item.indicator} />
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">{t('indicatorResults.national.total')}</th>
                        <ResultCells line={item.total} indicator={item.indicator} />
                      </tr>
                    </tfoot>
                  </ReportTable>
                  {item.enterprises && <EnterpriseList enterprises={item.enterprises} />}
                </div>
              ))}
              {shown.length > 0 && (
                <QuietIndicators indicators={data.indicators.filter(quiet).map((item) => item.indicator)} />
              )}
            </>
          );
        }}
      </QueryView>
    </ReportSection>
  );
}
