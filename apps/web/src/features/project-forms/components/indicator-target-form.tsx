import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { activeLanguage } from '../../../lib/i18n';
import { localisedName } from '../../../lib/localised-name';
import { createIndicatorTarget, updateIndicatorTarget } from '../api/record-writes';
import {
  indicatorTargetOptions,
  useAgreementIndicators,
  useIndicatorTargetRecord,
  useLatestRecord,
  useProjectIndicatorsRecord,
  type IndicatorChoice,
  type IndicatorTarget,
  type Project,
} from '../api/records';
import { indicatorValueToInput, parseYearInput } from '../../../lib/indicator-input';
import { SelectControl, TextControl, WithProject } from './controls';
import { RecordFormPage, RecordLoading, useRecordForm, type Values } from './record-form';

const BASE_FIELDS = ['indicatorId', 'baselineValue', 'baselineYear', 'targetValue', 'targetYear'] as const;
type BaseField = (typeof BASE_FIELDS)[number];
/** A yearly target's field: `yearly2027`. */
type YearlyField = `yearly${number}`;
type F = BaseField | YearlyField;

/** No more yearly fields than this (a target 30 years ahead is a typing error, told by the API). */
const MAX_YEARLY_FIELDS = 30;

const yearlyField = (year: number): YearlyField => `yearly${year}`;

/** The years between the baseline year and the target year, as typed so far (none until both are years). */
function yearsBetween(values: Partial<Record<F, string>>): number[] {
  const from = parseYearInput(values.baselineYear ?? '');
  const to = parseYearInput(values.targetYear ?? '');
  if (from == null || to == null || to - from - 1 > MAX_YEARLY_FIELDS) return [];
  return Array.from({ length: Math.max(0, to - from - 1) }, (_, index) => from + 1 + index);
}

function valuesOf(target: IndicatorTarget): Values<F> {
  const values: Record<string, string> = {
    indicatorId: target.indicatorId,
    baselineValue: indicatorValueToInput(target.baselineValue),
    baselineYear: String(target.baselineYear),
    targetValue: indicatorValueToInput(target.targetValue),
    targetYear: String(target.targetYear),
  };
  for (const milestone of target.milestones)
    values[yearlyField(milestone.year)] = indicatorValueToInput(milestone.value);
  return values as Values<F>;
}

/** Set a target for one of the project's indicators (route /projects/:projectId/indicators/targets/new?indicatorId=). */
export function NewIndicatorTargetPage() {
  return <WithProject>{(project) => <NewTarget project={project} />}</WithProject>;
}

function NewTarget({ project }: { project: Project }) {
  const [search] = useSearchParams();
  const indicators = useAgreementIndicators(project.priorityArea.agreementId);
  const results = useProjectIndicatorsRecord(project.id);
  if (!indicators.data || !results.data) return <RecordLoading failed={indicators.isError || results.isError} />;
  // An indicator that already has the project's target is edited, not set again (the API would say duplicate).
  const withTarget = new Set(results.data.indicators.filter((line) => line.targetId).map((line) => line.indicator.id));
  const choices = indicators.data.filter((indicator) => !withTarget.has(indicator.id));
  const chosen = search.get('indicatorId') ?? '';
  return (
    <IndicatorTargetForm
      projectId={project.id}
      choices={choices}
      initialIndicator={choices.some((indicator) => indicator.id === chosen) ? chosen : ''}
    />
  );
}

/** Edit a project's target (route /projects/:projectId/indicators/targets/:targetId/edit). */
export function EditIndicatorTargetPage() {
  const { projectId = '', targetId = '' } = useParams();
  const target = useIndicatorTargetRecord(targetId);
  const results = useProjectIndicatorsRecord(projectId);
  if (!target.data || !results.data) return <RecordLoading failed={target.isError || results.isError} />;
  const line = results.data.indicators.find((candidate) => candidate.indicator.id === target.data.indicatorId);
  if (!line || target.data.projectId !== projectId) return <RecordLoading failed />;
  return <IndicatorTargetForm projectId={projectId} choices={[line.indicator]} target={target.data} />;
}

/**
 * The one form of a project's target: the indicator (chosen only when setting a new one), the
 * baseline value and year, the target value and year, and optionally a value for each year in
 * between (yearly targets; pace is measured on them instead of the straight line).
 */
function IndicatorTargetForm({
  projectId,
  choices,
  target,
  initialIndicator = '',
}: {
  projectId: string;
  choices: readonly IndicatorChoice[];
  target?: IndicatorTarget;
  initialIndicator?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = activeLanguage(i18n);
  const latest = useLatestRecord();
  const initial = target
    ? valuesOf(target)
    : ({
        indicatorId: initialIndicator,
        baselineValue: '',
        baselineYear: '',
        targetValue: '',
        targetYear: '',
      } as Values<F>);
  const form = useRecordForm<F>({
    projectId,
    fields: BASE_FIELDS,
    // A yearly target for each year between the baseline and the target year, as typed.
    moreFields: (values) => yearsBetween(values).map(yearlyField),
    initial,
    version: target?.version,
    required: ['indicatorId', 'baselineValue', 'baselineYear', 'targetValue', 'targetYear'],
    decimal: (field) => field === 'baselineValue' || field === 'targetValue' || field.startsWith('yearly'),
    years: ['baselineYear', 'targetYear'],
    saved: 'indicatorTarget',
    wording: { indicatorId: { duplicate: 'indicatorForms.problems.duplicateTarget' } },
    save: (body, version) => {
      const milestones = yearsBetween(body as Record<F, string>)
        .map((year) => ({ year, value: body[yearlyField(year)] }))
        .filter((milestone): milestone is { year: number; value: string } => milestone.value != null);
      const fields = {
        baselineValue: body.baselineValue ?? '',
        baselineYear: Number(body.baselineYear),
        targetValue: body.targetValue ?? '',
        targetYear: Number(body.targetYear),
        milestones,
      };
      return target
        ? updateIndicatorTarget(target.id, fields, version)
        : createIndicatorTarget({ ...fields, indicatorId: body.indicatorId ?? '', projectId });
    },
    reload: target ? () => latest(indicatorTargetOptions(target.id), valuesOf) : undefined,
  });
  const years = yearsBetween(form.values);
  const indicator = choices.find((choice) => choice.id === form.values.indicatorId);
  const unit = indicator
    ? indicator.unit === 'other' && indicator.unitName
      ? indicator.unitName
      : t(`indicators.units.${indicator.unit}`).toLowerCase()
    : '';
  const valueHint = indicator ? t('indicatorForms.hints.value', { unit }) : undefined;
  const name = (choice: IndicatorChoice) => `${choice.code} ${localisedName(choice, language)}`;
  const labels: Partial<Record<F, string>> = {
    indicatorId: t('indicatorForms.fields.indicator'),
    baselineValue: t('indicatorForms.fields.baselineValue'),
    baselineYear: t('indicatorForms.fields.baselineYear'),
    targetValue: t('indicatorForms.fields.targetValue'),
    targetYear: t('indicatorForms.fields.targetYear'),
  };
  for (const year of years) labels[yearlyField(year)] = t('indicatorForms.fields.yearlyTarget', { year });
  return (
    <RecordFormPage
      title={
        target && indicator
          ? t('indicatorForms.titles.editTarget', { indicator: name(indicator) })
          : t('indicatorForms.titles.newTarget')
      }
      form={form}
      fieldLabels={labels}
      canSave={choices.length > 0}
    >
      {choices.length === 0 ? (
        <p>{t('indicatorForms.noIndicators')}</p>
      ) : target ? null : (
        <SelectControl
          form={form}
          field="indicatorId"
          label={labels.indicatorId!}
          options={choices.map((choice) => [choice.id, name(choice)] as const)}
        />
      )}
      <TextControl form={form} field="baselineValue" label={labels.baselineValue!} hint={valueHint} />
      <TextControl
        form={form}
        field="baselineYear"
        label={labels.baselineYear!}
        hint={t('indicatorForms.hints.year')}
      />
      <TextControl form={form} field="targetValue" label={labels.targetValue!} hint={valueHint} />
      <TextControl form={form} field="targetYear" label={labels.targetYear!} hint={t('indicatorForms.hints.year')} />
      <fieldset className="project-forms__yearly">
        <legend>{t('indicatorForms.fields.yearlyTargets')}</legend>
        <p className="field__hint">
          {years.length > 0
            ? t('indicatorForms.hints.yearlyTargets')
            : t('indicatorForms.hints.yearlyTargetsNeedYears')}
        </p>
        {years.map((year) => (
          <TextControl key={year} form={form} field={yearlyField(year)} label={labels[yearlyField(year)]!} />
        ))}
      </fieldset>
    </RecordFormPage>
  );
}
