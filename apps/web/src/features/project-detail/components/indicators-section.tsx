import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { AchievementLabel, PaceLabel } from '../../../components/indicator-status';
import { useIndicatorFormat, type IndicatorFormatters } from '../../../lib/indicator-format';
import { localisedName } from '../../../lib/localised-name';
import { indicatorFormPaths } from '../../../lib/project-form-routes';
import { useCan } from '../../../lib/session';
import type { ProjectIndicator, ProjectIndicators } from '../api/get-project-indicators';
import { PROJECT_SECTION_IDS, QueryContent, Section } from './section';

/**
 * The project's indicators (issue 12): per indicator its baseline, target (or "no target set"),
 * actual by period, value to date, achievement and pace in words, as the API computed them with
 * the shared rules. Derived indicators say they are computed from the participants and list the
 * enterprises behind the figure (one without a business ID flagged). Coordinators and admins get
 * the links to set a target and to report or correct an actual (derived ones cannot be reported).
 */
export function IndicatorsSection({
  projectId,
  indicators,
}: {
  projectId: string;
  indicators: UseQueryResult<ProjectIndicators>;
}) {
  const { t } = useTranslation();
  const canEdit = useCan('portfolio:write');
  return (
    <Section id={PROJECT_SECTION_IDS.indicators} title={t('indicators.section.title')} className="indicators-section">
      <QueryContent query={indicators}>
        {(results) => (
          <>
            <p>
              {t('indicators.section.reportingEvery', {
                periodicity: t(`indicators.periodicities.${results.periodicity}`),
              })}
            </p>
            {canEdit && (
              <ul className="project-forms__actions">
                <li>
                  <Link to={indicatorFormPaths.newTarget(projectId)} className="button-link">
                    {t('indicatorForms.actions.setTarget')}
                  </Link>
                </li>
                <li>
                  <Link to={indicatorFormPaths.newActual(projectId)} className="button-link">
                    {t('indicatorForms.actions.addActual')}
                  </Link>
                </li>
              </ul>
            )}
            {results.indicators.length === 0 ? (
              <p>{t('indicators.section.empty')}</p>
            ) : (
              results.indicators.map((line) => (
                <IndicatorResult key={line.indicator.id} projectId={projectId} line={line} canEdit={canEdit} />
              ))
            )}
          </>
        )}
      </QueryContent>
    </Section>
  );
}

function IndicatorResult({
  projectId,
  line,
  canEdit,
}: {
  projectId: string;
  line: ProjectIndicator;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const headingId = useId();
  const { indicator, result } = line;
  const name = `${indicator.code} ${localisedName(indicator, format.language)}`;
  const derived = indicator.derivation !== null;
  const target = result.target;
  const hasTarget = target !== null;
  const value = (v: string | null) => format.value(v, indicator);
  const unit =
    indicator.unit === 'other' && indicator.unitName ? indicator.unitName : t(`indicators.units.${indicator.unit}`);
  return (
    <section aria-labelledby={headingId} className="indicator-result">
      <h3 id={headingId}>{name}</h3>
      {derived && (
        <p className="indicator-result__derived">
          <strong>{t('indicators.derived')}</strong>
        </p>
      )}
      <dl className="facts facts--compact">
        <div>
          <dt>{t('indicators.unit')}</dt>
          <dd>{unit}</dd>
        </div>
        <div>
          <dt>{t('indicators.baseline')}</dt>
          <dd>
            {target
              ? t('indicators.valueInYear', { value: value(target.baselineValue), year: target.baselineYear })
              : t('indicators.noTarget')}
          </dd>
        </div>
        <div>
          <dt>{t('indicators.target')}</dt>
          <dd>
            {target
              ? t('indicators.valueInYear', { value: value(target.targetValue), year: target.targetYear })
              : t('indicators.noTarget')}
          </dd>
        </div>
        {target && target.milestones.length > 0 && (
          <div>
            <dt>{t('indicators.yearlyTargets')}</dt>
            <dd>
              <YearlyTargets milestones={target.milestones} format={format} unit={indicator} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('indicators.toDate')}</dt>
          <dd>{result.toDate === null ? t('indicators.notReported') : value(result.toDate)}</dd>
        </div>
        <div>
          <dt>{t('indicators.achievement')}</dt>
          <dd>
            <AchievementLabel achievement={result.achievement} hasTarget={hasTarget} />
          </dd>
        </div>
        <div>
          <dt>{t('indicators.pace.title')}</dt>
          <dd>
            <PaceLabel onPace={result.onPace} hasTarget={hasTarget} />
          </dd>
        </div>
      </dl>
      {result.refusal && <p>{t(`indicators.refusals.${result.refusal}`)}</p>}
      {canEdit && (
        <p>
          <Link
            to={
              line.targetId
                ? indicatorFormPaths.editTarget(projectId, line.targetId)
                : indicatorFormPaths.newTarget(projectId, indicator.id)
            }
          >
            {line.targetId
              ? t('indicatorForms.actions.editTargetOf', { indicator: name })
              : t('indicatorForms.actions.setTargetOf', { indicator: name })}
          </Link>
        </p>
      )}
      <PeriodTable projectId={projectId} line={line} name={name} canEdit={canEdit && !derived} />
      {line.enterprises && <Enterprises enterprises={line.enterprises} name={name} />}
    </section>
  );
}

function YearlyTargets({
  milestones,
  format,
  unit,
}: {
  milestones: ReadonlyArray<{ year: number; value: string }>;
  format: IndicatorFormatters;
  unit: ProjectIndicator['indicator'];
}) {
  return (
    <ul className="indicator-result__yearly">
      {[...milestones]
        .sort((a, b) => a.year - b.year)
        .map((milestone) => (
          <li key={milestone.year}>
            {milestone.year}: {format.value(milestone.value, unit)}
          </li>
        ))}
    </ul>
  );
}

/** The actual of each period ("not reported" where there is none), with its correct / report link for editors. */
function PeriodTable({
  projectId,
  line,
  name,
  canEdit,
}: {
  projectId: string;
  line: ProjectIndicator;
  name: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const { indicator, result } = line;
  if (result.periods.length === 0) return null;
  const actualOf = new Map(line.actuals.map((actual) => [actual.period, actual]));
  return (
    <DataTable
      caption={t('indicators.section.periodsCaption', { indicator: name })}
      className="data-table data-table--compact"
      columns={[
        t('indicators.period'),
        { label: t('indicators.actual'), numeric: true },
        canEdit && t('projectForms.actions.heading'),
      ]}
    >
      <tbody>
        {result.periods.map(({ period, value }) => {
          const actual = actualOf.get(period);
          const periodName = format.period(period);
          return (
            <tr key={period}>
              <th scope="row">{periodName}</th>
              <td className="num">{value === null ? t('indicators.notReported') : format.value(value, indicator)}</td>
              {canEdit && (
                <td>
                  {actual ? (
                    <Link
                      to={indicatorFormPaths.editActual(projectId, actual.id)}
                      aria-label={t('indicatorForms.actions.correctOf', { indicator: name, period: periodName })}
                      className="project-forms__edit-link"
                    >
                      {t('indicatorForms.actions.correct')}
                    </Link>
                  ) : (
                    <Link
                      to={indicatorFormPaths.newActual(projectId, { indicatorId: indicator.id, period })}
                      aria-label={`${t('indicatorForms.actions.addActualOf', { indicator: name })}, ${periodName}`}
                      className="project-forms__edit-link"
                    >
                      {t('indicatorForms.actions.addActual')}
                    </Link>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

/** The enterprises a derived figure counts, each once; one without a business ID is flagged in words. */
function Enterprises({
  enterprises,
  name,
}: {
  enterprises: NonNullable<ProjectIndicator['enterprises']>;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h4>{t('indicators.enterprises.title')}</h4>
      {enterprises.length === 0 ? (
        <p>{t('indicators.enterprises.empty')}</p>
      ) : (
        <DataTable
          caption={t('indicators.enterprises.caption', { indicator: name })}
          className="data-table data-table--compact"
          columns={[t('indicators.enterprises.name'), t('indicators.enterprises.businessId')]}
        >
          <tbody>
            {enterprises.map((enterprise) => (
              <tr key={enterprise.organisationId}>
                <th scope="row">{enterprise.name}</th>
                <td>
                  {enterprise.businessId ??
                    (enterprise.flagged ? <strong>{t('indicators.enterprises.flagged')}</strong> : '–')}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
