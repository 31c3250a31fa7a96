import { isPeriodOf, periodOf, todayIso } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { activeLanguage } from '../../../lib/i18n';
import { useIndicatorFormat } from '../../../lib/indicator-format';
import { localisedName } from '../../../lib/localised-name';
import { createIndicatorActual, updateIndicatorActual } from '../api/record-writes';
import {
  indicatorActualOptions,
  useAgreementIndicators,
  useIndicatorActualRecord,
  useLatestRecord,
  useProjectIndicatorsRecord,
  type IndicatorActual,
  type IndicatorChoice,
  type Project,
  type ProjectIndicatorResults,
} from '../api/records';
import { indicatorValueToInput } from '../../../lib/indicator-input';
import { SelectControl, TextControl, WithProject } from './controls';
import { RecordFormPage, RecordLoading, useRecordForm, type Values } from './record-form';

const FIELDS = ['indicatorId', 'period', 'value', 'note'] as const;
type F = (typeof FIELDS)[number];

function valuesOf(actual: IndicatorActual): Values<F> {
  return {
    indicatorId: actual.indicatorId,
    period: actual.period,
    value: indicatorValueToInput(actual.value),
    note: actual.note ?? '',
  };
}

/**
 * The periods an actual can be reported for: the agreement's periods (of its periodicity) up to
 * the current one, the API's rule (a period after the current one is refused).
 */
function openPeriods(results: ProjectIndicatorResults): string[] {
  const current = periodOf(todayIso(), results.periodicity);
  return results.periods.filter((period) => isPeriodOf(period, results.periodicity) && period <= current);
}

/** Report an actual (route /projects/:projectId/indicators/actuals/new?indicatorId=&period=). */
export function NewIndicatorActualPage() {
  return <WithProject>{(project) => <NewActual project={project} />}</WithProject>;
}

function NewActual({ project }: { project: Project }) {
  const [search] = useSearchParams();
  const indicators = useAgreementIndicators(project.priorityArea.agreementId);
  const results = useProjectIndicatorsRecord(project.id);
  if (!indicators.data || !results.data) return <RecordLoading failed={indicators.isError || results.isError} />;
  // Derived indicators are computed from the participants, never typed in.
  const choices = indicators.data.filter((indicator) => indicator.derivation === null);
  const indicatorId = search.get('indicatorId') ?? '';
  const period = search.get('period') ?? '';
  const periods = openPeriods(results.data);
  return (
    <IndicatorActualForm
      projectId={project.id}
      results={results.data}
      choices={choices}
      periods={periods}
      initial={{
        indicatorId: choices.some((choice) => choice.id === indicatorId) ? indicatorId : '',
        period: periods.includes(period) ? period : '',
        value: '',
        note: '',
      }}
    />
  );
}

/** Correct a reported actual (route /projects/:projectId/indicators/actuals/:actualId/edit): its value and note. */
export function EditIndicatorActualPage() {
  const { projectId = '', actualId = '' } = useParams();
  const actual = useIndicatorActualRecord(actualId);
  const results = useProjectIndicatorsRecord(projectId);
  if (!actual.data || !results.data) return <RecordLoading failed={actual.isError || results.isError} />;
  const line = results.data.indicators.find((candidate) => candidate.indicator.id === actual.data.indicatorId);
  if (!line || actual.data.projectId !== projectId) return <RecordLoading failed />;
  return (
    <IndicatorActualForm
      projectId={projectId}
      results={results.data}
      choices={[line.indicator]}
      periods={[actual.data.period]}
      initial={valuesOf(actual.data)}
      actual={actual.data}
    />
  );
}

/**
 * The one form of an actual: new, the indicator and the period (of the agreement's periodicity,
 * not after the current one, none already reported for the indicator) and the value; a correction,
 * the value and the note (the earlier value stays in the change history).
 */
function IndicatorActualForm({
  projectId,
  results,
  choices,
  periods,
  initial,
  actual,
}: {
  projectId: string;
  results: ProjectIndicatorResults;
  choices: readonly IndicatorChoice[];
  periods: readonly string[];
  initial: Values<F>;
  actual?: IndicatorActual;
}) {
  const { t, i18n } = useTranslation();
  const language = activeLanguage(i18n);
  const format = useIndicatorFormat();
  const latest = useLatestRecord();
  const form = useRecordForm<F>({
    projectId,
    fields: FIELDS,
    initial,
    version: actual?.version,
    required: ['indicatorId', 'period', 'value'],
    decimal: ['value'],
    saved: 'indicatorActual',
    wording: { period: { duplicate: 'indicatorForms.problems.duplicateActual' } },
    save: (body, version) =>
      actual
        ? updateIndicatorActual(actual.id, { value: body.value ?? '', note: body.note }, version)
        : createIndicatorActual({
            indicatorId: body.indicatorId ?? '',
            projectId,
            period: body.period ?? '',
            value: body.value ?? '',
            note: body.note,
          }),
    reload: actual ? () => latest(indicatorActualOptions(actual.id), valuesOf) : undefined,
  });
  const indicator = choices.find((choice) => choice.id === form.values.indicatorId);
  const name = (choice: IndicatorChoice) => `${choice.code} ${localisedName(choice, language)}`;
  const unit = indicator
    ? indicator.unit === 'other' && indicator.unitName
      ? indicator.unitName
      : t(`indicators.units.${indicator.unit}`).toLowerCase()
    : '';
  // A period already reported for the chosen indicator is corrected, not reported again.
  const reported = new Set(
    results.indicators
      .find((line) => line.indicator.id === form.values.indicatorId)
      ?.actuals.map((existing) => existing.period) ?? [],
  );
  const periodChoices = actual ? periods : periods.filter((period) => !reported.has(period));
  const labels: Record<F, string> = {
    indicatorId: t('indicatorForms.fields.indicator'),
    period: t('indicatorForms.fields.period'),
    value: t('indicatorForms.fields.value'),
    note: t('indicatorForms.fields.note'),
  };
  const periodicity = t(`indicators.periodicities.${results.periodicity}`);
  return (
    <RecordFormPage
      title={
        actual && indicator
          ? t('indicatorForms.titles.editActual', { indicator: name(indicator), period: format.period(actual.period) })
          : t('indicatorForms.titles.newActual')
      }
      form={form}
      fieldLabels={labels}
      canSave={choices.length > 0 && periods.length > 0}
      intro={actual ? <p>{t('indicatorForms.hints.correction')}</p> : undefined}
    >
      {!actual && (
        <>
          {choices.length === 0 ? (
            <p>{t('indicatorForms.noIndicators')}</p>
          ) : (
            <SelectControl
              form={form}
              field="indicatorId"
              label={labels.indicatorId}
              hint={t('indicatorForms.hints.derivedLeftOut')}
              options={choices.map((choice) => [choice.id, name(choice)] as const)}
            />
          )}
          {periods.length === 0 ? (
            <p>{t('indicatorForms.noPeriods')}</p>
          ) : (
            <SelectControl
              form={form}
              field="period"
              label={labels.period}
              hint={t('indicatorForms.hints.period', { periodicity })}
              options={periodChoices.map((period) => [period, format.period(period)] as const)}
            />
          )}
        </>
      )}
      <TextControl
        form={form}
        field="value"
        label={labels.value}
        hint={indicator ? t('indicatorForms.hints.value', { unit }) : undefined}
      />
      <TextControl form={form} field="note" label={labels.note} multiline />
    </RecordFormPage>
  );
}
