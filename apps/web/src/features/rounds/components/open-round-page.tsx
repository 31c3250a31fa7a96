import { DEFAULT_REMINDER_DAYS_BEFORE, MAX_REMINDER_DAYS_BEFORE } from '@salkku/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { SelectField, TextAreaField, TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';
import { FormPage } from '../../../components/form-page';
import { useAgreements } from '../../../lib/api/portfolio-choices';
import {
  fieldProblemsOf,
  useProblemFocus,
  useProblemText,
  type FormProblem,
  type FormProblems,
} from '../../../lib/form-problems';
import { useAgreementProjects, useOpenRound } from '../api/rounds';
import { periodLabel, roundPeriodChoices } from '../lib/periods';
import './rounds.css';

const FIELDS = ['agreementId', 'period', 'dueDate', 'reminderDaysBefore', 'instructions', 'projectIds'] as const;
type Field = (typeof FIELDS)[number];

/** A whole number of days within the API's range, or undefined. */
function reminderDays(raw: string): number | undefined {
  if (!/^\d{1,3}$/.test(raw.trim())) return undefined;
  const days = Number(raw.trim());
  return days <= MAX_REMINDER_DAYS_BEFORE ? days : undefined;
}

/**
 * Opening a round: the agreement, a period of its periodicity, the due date, the reminder days,
 * instructions and the projects that owe a report — by default the API's (every project active in
 * the period), or chosen one by one.
 */
export function OpenRoundPage() {
  const { t } = useTranslation();
  const text = useProblemText();
  const navigate = useNavigate();
  const agreements = useAgreements();
  const opening = useOpenRound();
  const [agreementId, setAgreementId] = useState('');
  const [period, setPeriod] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [reminder, setReminder] = useState(String(DEFAULT_REMINDER_DAYS_BEFORE));
  const [instructions, setInstructions] = useState('');
  const [chooseProjects, setChooseProjects] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<FormProblems<Field> | null>(null);
  const { alertId, fieldRef } = useProblemFocus(problems, FIELDS);
  const agreement = agreements.data?.find((a) => a.id === agreementId);
  const choices = useMemo(
    () => (agreement ? roundPeriodChoices(agreement.reportingPeriodicity, agreement.validFrom) : null),
    [agreement],
  );
  const projects = useAgreementProjects(agreementId, chooseProjects);
  const error = (field: Field) => text(problems?.fields[field]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (opening.isPending) return;
    const found: FormProblems<Field> = { fields: {} };
    const required: FormProblem[] = [{ key: 'rounds.problems.required' }];
    const chosenPeriod = period || choices?.preferred || '';
    if (!agreementId) found.fields.agreementId = required;
    if (agreementId && !chosenPeriod) found.fields.period = required;
    if (!dueDate) found.fields.dueDate = required;
    const days = reminderDays(reminder);
    if (days === undefined) {
      found.fields.reminderDaysBefore = [
        { key: 'rounds.problems.reminderDays', values: { max: MAX_REMINDER_DAYS_BEFORE } },
      ];
    }
    if (chooseProjects && chosen.size === 0) found.fields.projectIds = [{ key: 'rounds.problems.noProjects' }];
    if (Object.keys(found.fields).length > 0) {
      setProblems(found);
      return;
    }
    try {
      const round = await opening.mutateAsync({
        body: {
          agreementId,
          period: chosenPeriod,
          dueDate,
          reminderDaysBefore: days ?? DEFAULT_REMINDER_DAYS_BEFORE,
          instructions: instructions.trim() === '' ? null : instructions.trim(),
          ...(chooseProjects ? { projectIds: [...chosen] } : {}),
        },
      });
      await navigate(`/rounds/${round.id}`, { state: { roundNotice: 'opened' } });
    } catch (failure) {
      // Problems of the fields beside them; of a chosen project ("projectIds.1": another agreement's) or a rule in the alert.
      const { fields, other } = fieldProblemsOf(failure, FIELDS);
      const nothingNamed = Object.keys(fields).length === 0 && other.length === 0;
      setProblems({ fields, form: nothingNamed ? [{ error: failure }] : other.length > 0 ? other : undefined });
    }
  }

  const title = t('rounds.open.title');
  return (
    <FormPage
      title={title}
      className="form-page rounds-form"
      before={<Breadcrumbs items={[{ label: t('rounds.nav'), to: '/rounds' }, { label: title }]} />}
      intro={<p>{t('rounds.open.intro')}</p>}
      status={opening.isPending ? t('rounds.saving') : ''}
      alertId={alertId}
      alert={text(problems?.form)}
      onSubmit={(event) => void submit(event)}
    >
      <SelectField
        label={t('rounds.fields.agreement')}
        value={agreementId}
        ref={fieldRef('agreementId')}
        error={error('agreementId')}
        onChange={(e) => {
          setAgreementId(e.target.value);
          setPeriod('');
          setChosen(new Set());
        }}
        emptyChoice={t('rounds.open.chooseAgreement')}
        choices={agreements.data?.map((a) => [a.id, a.title] as const)}
      />
      <SelectField
        label={t('rounds.fields.period')}
        hint={
          agreement
            ? t(`rounds.open.periodicity.${agreement.reportingPeriodicity}`)
            : t('rounds.open.periodAfterAgreement')
        }
        value={period || choices?.preferred || ''}
        ref={fieldRef('period')}
        error={error('period')}
        onChange={(e) => setPeriod(e.target.value)}
        choices={choices?.periods.map((p) => [p, periodLabel(p)] as const)}
      />
      <TextField
        label={t('rounds.fields.dueDate')}
        type="date"
        value={dueDate}
        ref={fieldRef('dueDate')}
        error={error('dueDate')}
        onChange={(e) => setDueDate(e.target.value)}
      />
      <TextField
        label={t('rounds.fields.reminderDaysBefore')}
        hint={t('rounds.fields.reminderHint', { max: MAX_REMINDER_DAYS_BEFORE })}
        inputMode="numeric"
        value={reminder}
        ref={fieldRef('reminderDaysBefore')}
        error={error('reminderDaysBefore')}
        onChange={(e) => setReminder(e.target.value)}
      />
      <TextAreaField
        label={t('rounds.fields.instructions')}
        hint={t('rounds.fields.instructionsHint')}
        rows={4}
        value={instructions}
        ref={fieldRef('instructions')}
        error={error('instructions')}
        onChange={(e) => setInstructions(e.target.value)}
      />
      <fieldset className="rounds-form__projects">
        <legend>{t('rounds.open.projects')}</legend>
        <label className="choice">
          <input type="radio" name="owed" checked={!chooseProjects} onChange={() => setChooseProjects(false)} />
          {t('rounds.open.defaultProjects')}
        </label>
        <label className="choice">
          <input type="radio" name="owed" checked={chooseProjects} onChange={() => setChooseProjects(true)} />
          {t('rounds.open.chosenProjects')}
        </label>
        {chooseProjects && (
          <div className="rounds-form__project-list">
            {error('projectIds') && (
              <p className="field__error" id={`${alertId}-projects`}>
                {error('projectIds')}
              </p>
            )}
            {!agreementId && <p>{t('rounds.open.chooseAgreementFirst')}</p>}
            {projects.data?.length === 0 && <p>{t('rounds.open.noProjects')}</p>}
            {projects.data?.map((project, index) => (
              <label key={project.id} className="choice">
                <input
                  type="checkbox"
                  ref={index === 0 ? fieldRef('projectIds') : undefined}
                  aria-describedby={error('projectIds') ? `${alertId}-projects` : undefined}
                  checked={chosen.has(project.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(project.id);
                    else next.delete(project.id);
                    setChosen(next);
                  }}
                />
                {project.code} {project.name} ({t(`lifecycle.${project.lifecycleStatus}`)})
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <FormActions submitLabel={t('rounds.open.submit')} pending={opening.isPending}>
        <Link to="/rounds" className="button-link">
          {t('rounds.cancel')}
        </Link>
      </FormActions>
    </FormPage>
  );
}
