import { HEALTH_VALUES, LIFECYCLE_STATUSES, PERIOD_REPORT_STATUSES, todayIso } from '@salkku/shared';
import type { TFunction } from 'i18next';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { DataTable, numeric } from '../../../components/data-table';
import { HealthLabel } from '../../../components/health-label';
import { FailureAlert, QueryView, StatusLine } from '../../../components/load-status';
import { Page } from '../../../components/page';
import { TitledSection } from '../../../components/titled-section';
import { useIndicatorFormat } from '../../../lib/indicator-format';
import { ApiError } from '../../../lib/api/client';
import { useFormat, type Formatters } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import { useFrozenComparison, useFrozenReport, useRound, type FrozenComparison, type Round } from '../api/rounds';
import { readFrozen, type FrozenDocument } from '../lib/frozen-document';
import { formatMomentIn } from '../lib/format-time';
import { periodLabel } from '../lib/periods';
import { ReportStatus } from './report-status';
import './rounds.css';

/** Figures whose values are euros. */
const MONEY_FIGURES = new Set(['funding.granted', 'funding.paid', 'funding.paidInPeriod', 'funding.remaining']);
const FUNDING_FIGURES = ['funding.granted', 'funding.paid', 'funding.paidInPeriod', 'funding.remaining'] as const;
const MILESTONE_FIGURES = ['milestones.completed', 'milestones.due', 'milestones.overdue'] as const;

/** A CSS string literal for `content:` (quotes, backslashes and line breaks escaped). */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The frozen report of a closed round: what the agreement's report of the period said when the
 * round closed (funding, milestones, each project's stage and health, indicators, the period
 * reports and what was missing), when and by whom it was frozen, a comparison with the live figures
 * of the same period when they have changed since, printable on A4 and downloadable as CSV.
 */
export function FrozenReportPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const round = useRound(roundId);
  const closed = round.data !== undefined && !round.data.open;
  const frozen = useFrozenReport(roundId, closed);
  const comparison = useFrozenComparison(roundId, closed);
  const title = round.data
    ? t('rounds.frozen.title', { period: periodLabel(round.data.period), agreement: round.data.agreement.title })
    : t('rounds.frozen.loadingTitle');
  const notFound = round.error instanceof ApiError && round.error.status === 404;
  return (
    <Page
      title={title}
      className="frozen-report printed-document"
      before={
        <Breadcrumbs
          items={[
            { label: t('rounds.nav'), to: '/rounds' },
            {
              label: round.data ? t('rounds.roundName', { period: periodLabel(round.data.period) }) : '…',
              to: `/rounds/${roundId}`,
            },
            { label: t('rounds.frozen.crumb') },
          ]}
        />
      }
    >
      <QueryView
        query={round}
        loading={t('rounds.loading')}
        failure={notFound ? t('rounds.round.notFound') : t('rounds.round.error')}
        retryLabel={t('rounds.retry')}
        canRetry={!notFound}
        className="frozen-report__round"
      >
        {(data) =>
          data.open ? (
            <p>{t('rounds.frozen.stillOpen')}</p>
          ) : (
            <QueryView
              query={frozen}
              loading={t('rounds.loading')}
              failure={t('rounds.frozen.error')}
              retryLabel={t('rounds.retry')}
              className="frozen-report__body"
            >
              {(value) => {
                const doc = readFrozen(value);
                if (!doc) return <FailureAlert message={t('rounds.frozen.unknownFormat')} />;
                return <FrozenContent round={data} doc={doc} comparison={comparison.data} />;
              }}
            </QueryView>
          )
        }
      </QueryView>
    </Page>
  );
}

function FrozenPrintSetup({ scope, period }: { scope: string; period: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const css = [
    '@page {',
    '  size: A4;',
    '  margin: 18mm 12mm 15mm 12mm;',
    `  @top-left { content: ${cssString(`${t('app.name')} · ${scope}`)}; font: 8pt system-ui, sans-serif; }`,
    `  @top-right { content: ${cssString(period)}; font: 8pt system-ui, sans-serif; }`,
    `  @bottom-left { content: ${cssString(t('rounds.frozen.printed', { date: format.date(todayIso('Europe/Helsinki')) }))}; font: 8pt system-ui, sans-serif; }`,
    `  @bottom-right { content: ${cssString(`${t('rounds.frozen.page')} `)} counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; }`,
    '}',
  ].join('\n');
  useLayoutEffect(() => {
    const style = document.createElement('style');
    style.dataset.frozenPrint = '';
    style.textContent = css;
    document.head.append(style);
    return () => style.remove();
  }, [css]);
  return null;
}

/** A figure as the page shows it: euros as money, counts as they are, a state in words. */
function figureText(key: string, value: string | null, t: TFunction, format: Formatters): string {
  if (value === null) return t('rounds.frozen.none');
  if (MONEY_FIGURES.has(key)) return format.money(value);
  const known = <T extends string>(list: readonly T[]): T | undefined => list.find((item) => item === value);
  const stage = known(LIFECYCLE_STATUSES);
  if (key.endsWith('.lifecycleStatus') && stage) return t(`lifecycle.${stage}`);
  const health = known(HEALTH_VALUES);
  if (key.endsWith('.health') && health) return t(`health.${health}`);
  const status = known(PERIOD_REPORT_STATUSES);
  if (key.endsWith('.status') && status) return t(`rounds.status.${status}`);
  return value;
}

/** A status of the frozen document in words (as stored when it is not one this build knows). */
function statusText(value: string, t: TFunction): string {
  const status = PERIOD_REPORT_STATUSES.find((item) => item === value);
  return status ? t(`rounds.status.${status}`) : value;
}

function FrozenContent({
  round,
  doc,
  comparison,
}: {
  round: Round;
  doc: FrozenDocument;
  comparison: FrozenComparison | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const csvHref = `/api/reporting-rounds/${round.id}/frozen.csv?lang=${format.language}`;
  const indicatorFormat = useIndicatorFormat();
  const figureLabel = (key: string): string => {
    if ((FUNDING_FIGURES as readonly string[]).includes(key) || (MILESTONE_FIGURES as readonly string[]).includes(key))
      return t(`rounds.frozen.figures.${key.replace('.', '_') as 'funding_paid'}`);
    // The per-area, per-project and per-indicator figures' keys (see the API's frozen-document.ts).
    const area = /^area\.(.+)\.health\.([a-z_]+)$/.exec(key);
    if (area)
      return t('rounds.frozen.figureOf.areaHealth', { area: area[1], health: t(`health.${area[2] as 'on_track'}`) });
    const project = /^project\.(.+)\.(lifecycleStatus|health)$/.exec(key);
    if (project)
      return t(
        project[2] === 'health' ? 'rounds.frozen.figureOf.projectHealth' : 'rounds.frozen.figureOf.projectStage',
        {
          project: project[1],
        },
      );
    const indicator = /^indicator\.(.+)\.(\d{4}(?:-H[12])?)$/.exec(key);
    if (indicator)
      return t('rounds.frozen.figureOf.indicator', {
        indicator: indicator[1],
        period: indicatorFormat.period(indicator[2]!),
      });
    return key;
  };
  const indicatorValues = doc.indicators.indicators.map((row) => ({
    id: row.indicator.id,
    code: row.indicator.code,
    name: localisedName(row.indicator, format.language),
    value: row.agreement.periods.find((p) => p.period === doc.round.period)?.value ?? null,
  }));
  return (
    <>
      <FrozenPrintSetup
        scope={round.agreement.title}
        period={t('rounds.frozen.periodHeader', { period: periodLabel(doc.round.period) })}
      />
      <p className="frozen-report__meta">
        {t('rounds.frozen.frozenBy', { name: doc.frozenBy, at: formatMomentIn(doc.frozenAt, format.language) })}
      </p>
      <p>{t('rounds.frozen.intro')}</p>
      <div className="frozen-report__actions form-actions">
        <button type="button" onClick={() => window.print()}>
          {t('rounds.frozen.print')}
        </button>
        <a href={csvHref} download className="button-link">
          {t('rounds.frozen.csv')}
        </a>
      </div>
      <StatusLine />
      <dl className="round-facts">
        <dt>{t('rounds.fields.agreement')}</dt>
        <dd>{round.agreement.title}</dd>
        <dt>{t('rounds.fields.period')}</dt>
        <dd>{periodLabel(doc.round.period)}</dd>
        <dt>{t('rounds.fields.dueDate')}</dt>
        <dd>{format.date(doc.round.dueDate)}</dd>
        <dt>{t('rounds.round.openedBy')}</dt>
        <dd>
          {t('rounds.round.byAt', {
            name: doc.round.openedBy,
            at: formatMomentIn(doc.round.openedAt, format.language),
          })}
        </dd>
      </dl>
      {comparison && (
        <TitledSection title={t('rounds.frozen.comparison.title')} className="frozen-report__comparison">
          {!comparison.changed ? (
            <p>{t('rounds.frozen.comparison.unchanged')}</p>
          ) : (
            <>
              <p>{t('rounds.frozen.comparison.changed', { count: comparison.changes.length })}</p>
              <DataTable
                caption={t('rounds.frozen.comparison.caption')}
                columns={[
                  t('rounds.frozen.comparison.figure'),
                  t('rounds.frozen.comparison.frozen'),
                  t('rounds.frozen.comparison.live'),
                ]}
              >
                <tbody>
                  {comparison.changes.map((change) => (
                    <tr key={change.figure}>
                      <th scope="row">{figureLabel(change.figure)}</th>
                      <td>{figureText(change.figure, change.frozen, t, format)}</td>
                      <td>{figureText(change.figure, change.live, t, format)}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </>
          )}
        </TitledSection>
      )}
      <TitledSection title={t('rounds.frozen.figuresTitle')} className="frozen-report__figures">
        <DataTable
          caption={t('rounds.frozen.figuresTitle')}
          captionHidden
          columns={[t('rounds.frozen.comparison.figure'), ...numeric(t('rounds.frozen.value'))]}
        >
          <tbody>
            {[...FUNDING_FIGURES, ...MILESTONE_FIGURES].map((key) => (
              <tr key={key}>
                <th scope="row">{figureLabel(key)}</th>
                <td className="num">{figureText(key, doc.figures[key] ?? null, t, format)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </TitledSection>
      <TitledSection title={t('rounds.frozen.projectsTitle')} className="frozen-report__projects">
        <DataTable
          caption={t('rounds.frozen.projectsTitle')}
          captionHidden
          columns={[
            t('rounds.round.columns.project'),
            t('rounds.frozen.area'),
            t('rounds.report.fields.lifecycleStatus'),
            t('rounds.report.fields.health'),
          ]}
        >
          <tbody>
            {doc.agreementReport.priorityAreas.flatMap((area) =>
              area.projects.map((project) => (
                <tr key={project.id}>
                  <th scope="row">
                    {project.code} {project.name}
                  </th>
                  <td>{localisedName(area, format.language)}</td>
                  <td>{t(`lifecycle.${project.lifecycleStatus}`)}</td>
                  <td>
                    <HealthLabel health={project.latestReport?.health ?? null} />
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </DataTable>
      </TitledSection>
      <TitledSection title={t('rounds.frozen.indicatorsTitle')} className="frozen-report__indicators">
        {indicatorValues.length === 0 ? (
          <p>{t('rounds.frozen.noIndicators')}</p>
        ) : (
          <DataTable
            caption={t('rounds.frozen.indicatorsTitle')}
            captionHidden
            columns={[
              t('rounds.frozen.indicator'),
              ...numeric(t('rounds.frozen.valueOf', { period: periodLabel(doc.round.period) })),
            ]}
          >
            <tbody>
              {indicatorValues.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    {row.code} {row.name}
                  </th>
                  <td className="num">{row.value ?? t('rounds.frozen.none')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </TitledSection>
      <TitledSection title={t('rounds.frozen.reportsTitle')} className="frozen-report__reports">
        {doc.missing.length > 0 && (
          <p>
            <strong>{t('rounds.frozen.missing', { count: doc.missing.length })}</strong>{' '}
            {doc.missing.map((m) => `${m.project.code} (${statusText(m.status, t)})`).join(', ')}
          </p>
        )}
        {doc.periodReports.map((report) => (
          <article key={report.id} className="frozen-report__report" aria-labelledby={`frozen-${report.id}`}>
            <h3 id={`frozen-${report.id}`}>
              {report.project.code} {report.project.name}
            </h3>
            <dl className="round-facts">
              <dt>{t('rounds.round.columns.status')}</dt>
              <dd>
                <ReportStatus status={report.status} />
              </dd>
              {report.approvedBy && (
                <>
                  <dt>{t('rounds.report.approvedBy')}</dt>
                  <dd>
                    {t('rounds.round.byAt', {
                      name: report.approvedBy,
                      at: formatMomentIn(report.approvedAt, format.language),
                    })}
                  </dd>
                </>
              )}
              <dt>{t('rounds.report.fields.health')}</dt>
              <dd>{report.health ? <HealthLabel health={report.health} /> : t('rounds.frozen.none')}</dd>
              <dt>{t('rounds.report.fields.healthReasons')}</dt>
              <dd className="period-report__text">{report.healthReasons ?? t('rounds.frozen.none')}</dd>
              <dt>{t('rounds.report.fields.achievements')}</dt>
              <dd className="period-report__text">{report.achievements ?? t('rounds.frozen.none')}</dd>
              <dt>{t('rounds.report.fields.risks')}</dt>
              <dd className="period-report__text">{report.risks ?? t('rounds.frozen.none')}</dd>
              <dt>{t('rounds.report.fields.nextSteps')}</dt>
              <dd className="period-report__text">{report.nextSteps ?? t('rounds.frozen.none')}</dd>
            </dl>
          </article>
        ))}
      </TitledSection>
    </>
  );
}
