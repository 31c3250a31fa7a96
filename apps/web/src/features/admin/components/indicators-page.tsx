import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  type IndicatorAggregation,
  type IndicatorKind,
  type IndicatorSource,
  type IndicatorUnit,
} from '@salkku/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { SelectField, TextAreaField, TextField } from '../../../components/fields';
import { ApiError } from '../../../lib/api/client';
import { useAgreements } from '../../../lib/api/portfolio-choices';
import { useProblemText } from '../../../lib/form-problems';
import { useFormValues } from '../../../lib/form-values';
import { activeLanguage } from '../../../lib/i18n';
import { localisedName } from '../../../lib/localised-name';
import {
  useCreateIndicator,
  useDeleteIndicator,
  useIndicators,
  useUpdateIndicator,
  type Indicator,
} from '../api/indicators';
import { adminProblemsOf } from './admin-problems';
import { AdminRegistryPage } from './admin-registry';

const FIELDS = [
  'code',
  'nameFi',
  'nameSv',
  'nameEn',
  'definitionFi',
  'definitionSv',
  'definitionEn',
  'unit',
  'unitName',
  'kind',
  'aggregation',
  'source',
  'agreementId',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const EMPTY: Values = {
  code: '',
  nameFi: '',
  nameSv: '',
  nameEn: '',
  definitionFi: '',
  definitionSv: '',
  definitionEn: '',
  unit: 'count',
  unitName: '',
  kind: 'output',
  aggregation: 'sum',
  source: 'city',
  agreementId: '',
};

/** The catalogue form's own words for some of the API's problems. */
const WORDING = { unitName: { required: 'indicatorForms.problems.unitNameRequired' } } as const;

function valuesOf(indicator: Indicator): Values {
  return {
    code: indicator.code,
    nameFi: indicator.nameFi,
    nameSv: indicator.nameSv,
    nameEn: indicator.nameEn,
    definitionFi: indicator.definitionFi ?? '',
    definitionSv: indicator.definitionSv ?? '',
    definitionEn: indicator.definitionEn ?? '',
    unit: indicator.unit,
    unitName: indicator.unitName ?? '',
    kind: indicator.kind,
    aggregation: indicator.aggregation,
    source: indicator.source,
    agreementId: indicator.agreementId ?? '',
  };
}

/** The values as the API takes them: trimmed, empty texts as null, a unit name only for the unit "other". */
function bodyOf(values: Values) {
  const text = (value: string) => value.trim() || null;
  return {
    code: values.code.trim(),
    nameFi: values.nameFi.trim(),
    nameSv: values.nameSv.trim(),
    nameEn: values.nameEn.trim(),
    definitionFi: text(values.definitionFi),
    definitionSv: text(values.definitionSv),
    definitionEn: text(values.definitionEn),
    unit: values.unit as IndicatorUnit,
    unitName: values.unit === 'other' ? text(values.unitName) : null,
    kind: values.kind as IndicatorKind,
    aggregation: values.aggregation as IndicatorAggregation,
    source: values.source as IndicatorSource,
    agreementId: values.agreementId || null,
  };
}

/**
 * Admin: the indicator catalogue (issue 12) — code, name in the UI language, unit, kind, source,
 * scope (common or one agreement's own) and whether it is derived; create, edit and delete. A
 * derived indicator (computed from the participant register) is shown, never changed.
 */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const language = activeLanguage(i18n);
  const [page, setPage] = useState(1);
  const indicators = useIndicators(page);
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const agreements = useAgreements();
  const agreementChoices = (agreements.data ?? []).map((agreement) => [agreement.id, agreement.title] as const);
  const unitOf = (indicator: Indicator) =>
    indicator.unit === 'other' && indicator.unitName ? indicator.unitName : t(`indicators.units.${indicator.unit}`);
  return (
    <AdminRegistryPage
      title={t('indicatorForms.catalogue.title')}
      records={indicators}
      page={page}
      onPageChange={setPage}
      caption={(total) => t('indicatorForms.catalogue.caption', { total })}
      columns={[
        t('indicators.code'),
        t('indicators.name'),
        t('indicators.unit'),
        t('indicators.kind'),
        t('indicators.source'),
        t('indicators.scope'),
        t('indicators.derived'),
      ]}
      cells={(indicator) => [
        indicator.code,
        localisedName(indicator, language),
        unitOf(indicator),
        t(`indicators.kinds.${indicator.kind}`),
        t(`indicators.sources.${indicator.source}`),
        indicator.agreementId
          ? t('indicators.scopes.agreement', { agreement: indicator.agreementTitle ?? '' })
          : t('indicators.scopes.common'),
        indicator.derivation ? t('indicators.derivedShort') : '–',
      ]}
      editLabel={(indicator) =>
        indicator.derivation
          ? t('indicatorForms.catalogue.view', { code: indicator.code })
          : t('indicatorForms.catalogue.edit', { code: indicator.code })
      }
      editor={(indicator, onStatus) =>
        indicator.derivation ? (
          <DerivedIndicator indicator={indicator} unit={unitOf(indicator)} />
        ) : (
          <>
            <IndicatorForm
              title={t('indicatorForms.catalogue.editTitle', { code: indicator.code })}
              initial={valuesOf(indicator)}
              agreements={agreementChoices}
              submitLabel={t('admin.save')}
              error={update.isError ? update.error : null}
              pending={update.isPending}
              onSubmit={(values) =>
                update.mutate(
                  { id: indicator.id, body: bodyOf(values), version: indicator.version },
                  {
                    onSuccess: (saved) => onStatus(t('indicatorForms.catalogue.saved', { code: saved.code })),
                  },
                )
              }
            />
            <DeleteIndicator indicator={indicator} onStatus={onStatus} />
          </>
        )
      }
    >
      {(onStatus) => (
        <IndicatorForm
          title={t('indicatorForms.catalogue.createTitle')}
          initial={EMPTY}
          agreements={agreementChoices}
          submitLabel={t('indicatorForms.catalogue.create')}
          error={create.isError ? create.error : null}
          pending={create.isPending}
          resetOnSuccess
          onSubmit={(values, done) =>
            create.mutate(bodyOf(values), {
              onSuccess: (saved) => {
                done();
                onStatus(t('indicatorForms.catalogue.created', { code: saved.code }));
              },
            })
          }
        />
      )}
    </AdminRegistryPage>
  );
}

function IndicatorForm({
  title,
  initial,
  agreements,
  submitLabel,
  error,
  pending,
  resetOnSuccess = false,
  onSubmit,
}: {
  title: string;
  initial: Values;
  agreements: ReadonlyArray<readonly [string, string]>;
  submitLabel: string;
  error: unknown;
  pending: boolean;
  resetOnSuccess?: boolean;
  onSubmit: (values: Values, done: () => void) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { values, setValues, bind } = useFormValues(initial);
  const text = useProblemText();
  const problems = adminProblemsOf(error, FIELDS, WORDING);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    onSubmit(values, () => {
      if (resetOnSuccess) setValues(initial);
    });
  }

  const field = (name: Field) => ({ ...bind(name), error: text(problems?.fields[name]) });
  const label = (name: Field) => t(`indicatorForms.catalogue.fields.${name}`);
  return (
    <section aria-labelledby={headingId} className="admin-form">
      <h2 id={headingId}>{title}</h2>
      {problems && (
        <p role="alert" className="error-message">
          {text(problems.form)}
        </p>
      )}
      <form noValidate onSubmit={submit} aria-labelledby={headingId}>
        <TextField label={label('code')} hint={t('indicatorForms.catalogue.hints.code')} {...field('code')} />
        <TextField label={label('nameFi')} lang="fi" {...field('nameFi')} />
        <TextField label={label('nameSv')} lang="sv" {...field('nameSv')} />
        <TextField label={label('nameEn')} lang="en" {...field('nameEn')} />
        <TextAreaField label={label('definitionFi')} lang="fi" {...field('definitionFi')} />
        <TextAreaField label={label('definitionSv')} lang="sv" {...field('definitionSv')} />
        <TextAreaField label={label('definitionEn')} lang="en" {...field('definitionEn')} />
        <SelectField
          label={label('unit')}
          {...field('unit')}
          onChange={(event) => {
            const unit = event.target.value;
            // A percentage never sums: its value to date is the latest one (the API's rule).
            setValues((current) => ({
              ...current,
              unit,
              aggregation: unit === 'percent' ? 'latest' : current.aggregation,
            }));
          }}
          choices={INDICATOR_UNITS.map((unit) => [unit, t(`indicators.units.${unit}`)] as const)}
        />
        {values.unit === 'other' && (
          <TextField
            label={label('unitName')}
            hint={t('indicatorForms.catalogue.hints.unitName')}
            {...field('unitName')}
          />
        )}
        <SelectField
          label={label('kind')}
          {...field('kind')}
          choices={INDICATOR_KINDS.map((kind) => [kind, t(`indicators.kinds.${kind}`)] as const)}
        />
        <SelectField
          label={label('aggregation')}
          hint={t('indicatorForms.catalogue.hints.aggregation')}
          {...field('aggregation')}
          choices={INDICATOR_AGGREGATIONS.map(
            (aggregation) => [aggregation, t(`indicators.aggregations.${aggregation}`)] as const,
          )}
        />
        <SelectField
          label={label('source')}
          {...field('source')}
          choices={INDICATOR_SOURCES.map((source) => [source, t(`indicators.sources.${source}`)] as const)}
        />
        <SelectField
          label={label('agreementId')}
          hint={t('indicatorForms.catalogue.hints.agreementId')}
          {...field('agreementId')}
          emptyChoice={t('indicatorForms.catalogue.commonChoice')}
          choices={agreements}
        />
        <FormActions submitLabel={submitLabel} pending={pending} />
      </form>
    </section>
  );
}

/** A derived indicator's facts, read-only: it is computed from the participant register. */
function DerivedIndicator({ indicator, unit }: { indicator: Indicator; unit: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const language = activeLanguage(i18n);
  const definition =
    (language === 'sv' ? indicator.definitionSv : language === 'en' ? indicator.definitionEn : null) ??
    indicator.definitionFi;
  return (
    <section aria-labelledby={headingId} className="admin-form">
      <h2 id={headingId}>{t('indicatorForms.catalogue.viewTitle', { code: indicator.code })}</h2>
      <p>
        <strong>{t('indicatorForms.catalogue.derivedReadOnly')}</strong>
      </p>
      <dl>
        <dt>{t('indicators.name')}</dt>
        <dd>{localisedName(indicator, language)}</dd>
        {definition && (
          <>
            <dt>{t('indicators.definition')}</dt>
            <dd>{definition}</dd>
          </>
        )}
        <dt>{t('indicators.unit')}</dt>
        <dd>{unit}</dd>
        <dt>{t('indicators.kind')}</dt>
        <dd>{t(`indicators.kinds.${indicator.kind}`)}</dd>
        <dt>{t('indicators.aggregation')}</dt>
        <dd>{t(`indicators.aggregations.${indicator.aggregation}`)}</dd>
        <dt>{t('indicators.source')}</dt>
        <dd>{t(`indicators.sources.${indicator.source}`)}</dd>
      </dl>
    </section>
  );
}

/**
 * Deletes an indicator after a question asked in place (the API refuses one that has targets or
 * actuals: 409 IN_USE), with the version read as If-Match.
 */
function DeleteIndicator({ indicator, onStatus }: { indicator: Indicator; onStatus: (status: string) => void }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const remove = useDeleteIndicator();
  const [asking, setAsking] = useState(false);
  const problem =
    remove.error instanceof ApiError && remove.error.code === 'IN_USE'
      ? t('indicatorForms.problems.inUse')
      : text(adminProblemsOf(remove.error, [])?.form);
  return (
    <div className="admin-form">
      {problem && (
        <p role="alert" className="error-message">
          {problem}
        </p>
      )}
      {asking ? (
        <div role="group" aria-label={t('indicatorForms.catalogue.delete')}>
          <p>{t('indicatorForms.catalogue.deleteQuestion', { code: indicator.code })}</p>
          <div className="form-actions">
            <button
              type="button"
              aria-disabled={remove.isPending}
              onClick={() => {
                if (remove.isPending) return;
                remove.mutate(
                  { id: indicator.id, version: indicator.version },
                  {
                    onSuccess: () => onStatus(t('indicatorForms.catalogue.deleted', { code: indicator.code })),
                    onSettled: () => setAsking(false),
                  },
                );
              }}
            >
              {t('indicatorForms.catalogue.confirmDelete')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
              {t('indicatorForms.catalogue.cancelDelete')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setAsking(true)}>
          {t('indicatorForms.catalogue.delete')}
        </button>
      )}
    </div>
  );
}
