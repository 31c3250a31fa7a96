import { HEALTH_VALUES, periodBounds } from '@salkku/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/fields';
import { FailureAlert, FormAlert } from '../../../components/load-status';
import { ApiError } from '../../../lib/api/client';
import { serverFieldProblems } from '../../../lib/field-problems';
import { useFormat } from '../../../lib/format';
import { parseIndicatorInput, indicatorValueToInput } from '../../../lib/indicator-input';
import { parseMoneyInput } from '../../../lib/money-input';
import { localisedName } from '../../../lib/localised-name';
import { useProblemFocus, useProblemText, type FormProblem, type FormProblems } from '../../../lib/form-problems';
import { useReportFormData } from '../api/report-form-data';
import {
  periodReportQueryOptions,
  useReportStep,
  useSavePeriodReport,
  type PeriodReport,
  type SavePeriodReportBody,
} from '../api/rounds';

/** What was just done to the report, said in the status line. */
export type ReportNotice = 'saved' | 'submitted' | 'approved' | 'returned';

const NARRATIVE = ['health', 'healthReasons', 'achievements', 'risks', 'nextSteps', 'lifecycleStatus'] as const;
type Narrative = (typeof NARRATIVE)[number];

interface PaymentRow {
  key: number;
  fundingDecisionId: string;
  paidOn: string;
  amount: string;
  note: string;
}

interface MilestoneChoice {
  done: boolean;
  completedOn: string;
}

function narrativeOf(report: PeriodReport): Record<Narrative, string> {
  return {
    health: report.health ?? '',
    healthReasons: report.healthReasons ?? '',
    achievements: report.achievements ?? '',
    risks: report.risks ?? '',
    nextSteps: report.nextSteps ?? '',
    lifecycleStatus: report.lifecycleStatus ?? '',
  };
}

/** Field keys of the form's problems: a narrative field, `milestone.<id>`, `actual.<indicatorId>`, `payment.<row>.<field>`. */
type FieldKey = string;

/**
 * The one form of a period report: the narrative (health and its reasons, what was done, risks,
 * next steps), the project's stage at the end of the period, the milestones completed in it, the
 * typed-in indicators' values of the period and the payments received in it — one save, one
 * request, all or nothing. The API's problems come back by path (payments.0.amount) and are shown
 * at their field; a stale version is explained and the latest loaded without losing what was typed.
 */
export function PeriodReportForm({
  report,
  onNotice,
}: {
  report: PeriodReport;
  onNotice: (notice: ReportNotice) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useProblemText();
  const queryClient = useQueryClient();
  const data = useReportFormData(report);
  const saving = useSavePeriodReport();
  const stepping = useReportStep();
  const [narrative, setNarrative] = useState(() => narrativeOf(report));
  const [base, setBase] = useState(() => narrativeOf(report));
  const [version, setVersion] = useState(report.version);
  const [milestones, setMilestones] = useState<Record<string, MilestoneChoice>>({});
  const [actuals, setActuals] = useState<Record<string, { value: string; note: string }>>({});
  const [payments, setPayments] = useState<PaymentRow[]>([]);
  const nextKey = useRef(1);
  const [problems, setProblems] = useState<FormProblems<FieldKey> | null>(null);
  const [stale, setStale] = useState<'conflict' | 'failed' | { changed: Narrative[] } | null>(null);
  const [pending, setPending] = useState<'saving' | 'submitting' | null>(null);
  const { from, to } = periodBounds(report.round.period);

  const openMilestones = (data.milestones ?? []).filter((m) => m.status === 'planned' || m.status === 'in_progress');
  const doneInPeriod = (data.milestones ?? []).filter(
    (m) => m.status === 'done' && m.completedOn !== null && m.completedOn >= from && m.completedOn <= to,
  );
  const existingActual = useMemo(
    () => new Map((data.actuals ?? []).map((actual) => [actual.indicatorId, actual])),
    [data.actuals],
  );
  const actualInput = (indicatorId: string) =>
    actuals[indicatorId] ?? {
      value: indicatorValueToInput(existingActual.get(indicatorId)?.value),
      note: existingActual.get(indicatorId)?.note ?? '',
    };
  const payable = (data.decisions ?? []).filter((d) => d.status === 'granted' || d.status === 'amended');
  const stages = data.project ? [data.project.lifecycleStatus, ...data.project.allowedTransitions] : [];

  // The order focus looks for the first problem in.
  const fieldOrder = useMemo<FieldKey[]>(
    () => [
      ...NARRATIVE,
      ...openMilestones.map((m) => `milestone.${m.id}`),
      ...(data.indicators ?? []).map((i) => `actual.${i.id}`),
      ...payments.flatMap((row) =>
        ['fundingDecisionId', 'paidOn', 'amount', 'note'].map((f) => `payment.${row.key}.${f}`),
      ),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when the parts' lists change
    [data.milestones, data.indicators, payments],
  );
  const { alertId, fieldRef } = useProblemFocus(problems, fieldOrder);
  const problemOf = (field: FieldKey) => text(problems?.fields[field]);

  /** Checks what can be checked here and builds the body, with the rows each list item came from. */
  function build(forSubmit: boolean) {
    const found: Record<FieldKey, FormProblem[]> = {};
    const body: SavePeriodReportBody = {};
    for (const field of ['healthReasons', 'achievements', 'risks', 'nextSteps'] as const) {
      const value = narrative[field].trim();
      if (value !== base[field] || forSubmit) body[field] = value === '' ? null : value;
    }
    if (narrative.health !== base.health || forSubmit) {
      body.health = narrative.health === '' ? null : (narrative.health as (typeof HEALTH_VALUES)[number]);
    }
    if (forSubmit) {
      if (narrative.health === '') found.health = [{ key: 'rounds.report.problems.neededToSubmit' }];
      if (narrative.achievements.trim() === '') found.achievements = [{ key: 'rounds.report.problems.neededToSubmit' }];
    }
    // The stage is the project's own: sent only when it changes it.
    if (narrative.lifecycleStatus !== '' && narrative.lifecycleStatus !== data.project?.lifecycleStatus) {
      body.lifecycleStatus = narrative.lifecycleStatus as NonNullable<SavePeriodReportBody['lifecycleStatus']>;
    }
    const sentMilestones = openMilestones.filter((m) => milestones[m.id]?.done);
    if (sentMilestones.length > 0) {
      body.milestonesCompleted = sentMilestones.map((m) => ({
        milestoneId: m.id,
        completedOn: milestones[m.id]?.completedOn || null,
      }));
    }
    const sentActuals: string[] = [];
    const actualBodies: NonNullable<SavePeriodReportBody['indicatorActuals']> = [];
    for (const indicator of data.indicators ?? []) {
      const input = actualInput(indicator.id);
      const raw = input.value.trim();
      const existing = existingActual.get(indicator.id);
      if (raw === '') continue;
      const value = parseIndicatorInput(raw);
      if (value === undefined || value === null) {
        found[`actual.${indicator.id}`] = [{ key: 'rounds.problems.value' }];
        continue;
      }
      const note = input.note.trim() === '' ? null : input.note.trim();
      if (existing && Number(existing.value) === Number(value) && (existing.note ?? null) === note) continue;
      sentActuals.push(indicator.id);
      actualBodies.push({ indicatorId: indicator.id, value, note });
    }
    if (actualBodies.length > 0) body.indicatorActuals = actualBodies;
    const paymentBodies: NonNullable<SavePeriodReportBody['payments']> = [];
    for (const row of payments) {
      const amount = parseMoneyInput(row.amount);
      if (!row.fundingDecisionId) found[`payment.${row.key}.fundingDecisionId`] = [{ key: 'rounds.problems.required' }];
      if (!row.paidOn) found[`payment.${row.key}.paidOn`] = [{ key: 'rounds.problems.required' }];
      if (amount === null) found[`payment.${row.key}.amount`] = [{ key: 'rounds.problems.required' }];
      else if (amount === undefined) found[`payment.${row.key}.amount`] = [{ key: 'rounds.problems.money' }];
      paymentBodies.push({
        fundingDecisionId: row.fundingDecisionId,
        paidOn: row.paidOn,
        amount: amount ?? '',
        note: row.note.trim() === '' ? null : row.note.trim(),
      });
    }
    if (paymentBodies.length > 0) body.payments = paymentBodies;
    return { found, body, sentMilestones, sentActuals };
  }

  /** The API's problems by path, put at the form's fields; the rest in the form's alert. */
  function problemsOf(error: unknown, sentMilestones: { id: string }[], sentActuals: string[]): FormProblems<FieldKey> {
    const found = serverFieldProblems(error);
    const fields: Record<FieldKey, FormProblem[]> = {};
    const other: FormProblem[] = [];
    const add = (field: FieldKey, problem: FormProblem) => (fields[field] = [...(fields[field] ?? []), problem]);
    for (const [path, server] of Object.entries(found)) {
      const problem: FormProblem = { server };
      const [list, index, sub] = path.split('.');
      const at = Number(index);
      if ((NARRATIVE as readonly string[]).includes(path)) add(path, problem);
      else if (list === 'milestonesCompleted' && sentMilestones[at]) add(`milestone.${sentMilestones[at].id}`, problem);
      else if (list === 'indicatorActuals' && sentActuals[at]) add(`actual.${sentActuals[at]}`, problem);
      else if (list === 'payments' && payments[at] && sub) add(`payment.${payments[at].key}.${sub}`, problem);
      else other.push(problem);
    }
    const named = Object.keys(fields).length > 0 || other.length > 0;
    return { fields, form: named ? (other.length > 0 ? other : undefined) : [{ error }] };
  }

  /** After a save: the form shows what is stored now (new payments are recorded, so their rows go). */
  function settle(saved: PeriodReport) {
    const stored = narrativeOf(saved);
    setNarrative(stored);
    setBase(stored);
    setVersion(saved.version);
    setMilestones({});
    setActuals({});
    setPayments([]);
  }

  async function save(forSubmit: boolean): Promise<PeriodReport | null> {
    const { found, body, sentMilestones, sentActuals } = build(forSubmit);
    if (Object.keys(found).length > 0) {
      setProblems({ fields: found });
      return null;
    }
    setProblems(null);
    try {
      const saved = await saving.mutateAsync({ id: report.id, body, version });
      settle(saved);
      setStale(null);
      return saved;
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'STALE_VERSION' || error.status === 412)) {
        setStale('conflict');
      } else {
        setProblems(problemsOf(error, sentMilestones, sentActuals));
      }
      return null;
    }
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending('saving');
    try {
      if (await save(false)) onNotice('saved');
    } finally {
      setPending(null);
    }
  }

  async function onSubmitForReview() {
    if (pending) return;
    setPending('submitting');
    try {
      // What is typed is saved first (the same one request), then the saved version is submitted.
      const saved = await save(true);
      if (!saved) return;
      try {
        await stepping.mutateAsync({ id: report.id, step: 'submit', version: saved.version });
        onNotice('submitted');
      } catch (error) {
        setProblems(problemsOf(error, [], []));
      }
    } finally {
      setPending(null);
    }
  }

  async function reloadLatest() {
    try {
      const latest = await queryClient.fetchQuery({ ...periodReportQueryOptions(report.id), staleTime: 0 });
      const stored = narrativeOf(latest);
      const changed = NARRATIVE.filter((field) => stored[field] !== base[field]);
      setBase(stored);
      setVersion(latest.version);
      setStale({ changed });
      void data.refetch();
    } catch {
      setStale('failed');
    }
  }

  const labels: Record<Narrative, string> = {
    health: t('rounds.report.fields.health'),
    healthReasons: t('rounds.report.fields.healthReasons'),
    achievements: t('rounds.report.fields.achievements'),
    risks: t('rounds.report.fields.risks'),
    nextSteps: t('rounds.report.fields.nextSteps'),
    lifecycleStatus: t('rounds.report.fields.lifecycleStatus'),
  };
  const bindText = (field: Exclude<Narrative, 'health' | 'lifecycleStatus'>, rows: number, hint?: string) => (
    <TextAreaField
      label={labels[field]}
      hint={hint}
      rows={rows}
      value={narrative[field]}
      ref={fieldRef(field)}
      error={problemOf(field)}
      onChange={(e) => setNarrative({ ...narrative, [field]: e.target.value })}
    />
  );

  return (
    <>
      {(stale === 'conflict' || stale === 'failed') && (
        <FailureAlert
          message={t('rounds.report.stale.message')}
          actionLabel={t('rounds.report.stale.reload')}
          onAction={() => void reloadLatest()}
        >
          {stale === 'failed' && <p>{t('rounds.report.stale.reloadFailed')}</p>}
        </FailureAlert>
      )}
      {typeof stale === 'object' && stale !== null && (
        <p className="status-message">
          {stale.changed.length > 0
            ? t('rounds.report.stale.changed', { fields: stale.changed.map((f) => labels[f]).join(', ') })
            : t('rounds.report.stale.reloaded')}
        </p>
      )}
      {problems?.form && <FormAlert id={alertId}>{text(problems.form)}</FormAlert>}
      <form noValidate onSubmit={(event) => void onSave(event)} aria-label={t('rounds.report.formLabel')}>
        <p>{t('rounds.report.intro')}</p>
        <fieldset className="period-report__part">
          <legend>{t('rounds.report.parts.status')}</legend>
          <div className="period-report__row">
            <SelectField
              label={labels.health}
              value={narrative.health}
              ref={fieldRef('health')}
              error={problemOf('health')}
              onChange={(e) => setNarrative({ ...narrative, health: e.target.value })}
              emptyChoice={t('rounds.report.chooseHealth')}
              choices={HEALTH_VALUES.map((h) => [h, t(`health.${h}`)] as const)}
            />
            <SelectField
              label={labels.lifecycleStatus}
              hint={t('rounds.report.lifecycleHint')}
              value={narrative.lifecycleStatus || data.project?.lifecycleStatus || ''}
              ref={fieldRef('lifecycleStatus')}
              error={problemOf('lifecycleStatus')}
              onChange={(e) => setNarrative({ ...narrative, lifecycleStatus: e.target.value })}
              choices={stages.map((s) => [s, t(`lifecycle.${s}`)] as const)}
            />
          </div>
          {bindText('healthReasons', 3)}
        </fieldset>
        <fieldset className="period-report__part">
          <legend>{t('rounds.report.parts.narrative')}</legend>
          {bindText('achievements', 5, t('rounds.report.achievementsHint'))}
          {bindText('risks', 3)}
          {bindText('nextSteps', 3)}
        </fieldset>
        <fieldset className="period-report__part">
          <legend>{t('rounds.report.parts.milestones')}</legend>
          {data.milestones === undefined ? (
            <p>{t('rounds.loading')}</p>
          ) : openMilestones.length === 0 ? (
            <p>{t('rounds.report.noOpenMilestones')}</p>
          ) : (
            openMilestones.map((m) => {
              const choice = milestones[m.id] ?? { done: false, completedOn: '' };
              const error = problemOf(`milestone.${m.id}`);
              return (
                <div key={m.id} className="period-report__milestone">
                  <label className="choice">
                    <input
                      type="checkbox"
                      ref={fieldRef(`milestone.${m.id}`)}
                      checked={choice.done}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${alertId}-m-${m.id}` : undefined}
                      onChange={(e) => setMilestones({ ...milestones, [m.id]: { ...choice, done: e.target.checked } })}
                    />
                    {t('rounds.report.milestoneDone', { title: m.title, due: format.date(m.dueDate) })}
                  </label>
                  {error && (
                    <p className="field__error" id={`${alertId}-m-${m.id}`}>
                      {error}
                    </p>
                  )}
                  {choice.done && (
                    <TextField
                      label={t('rounds.report.completedOn', { title: m.title })}
                      hint={t('rounds.report.completedOnHint')}
                      type="date"
                      min={from}
                      max={to}
                      value={choice.completedOn}
                      onChange={(e) =>
                        setMilestones({ ...milestones, [m.id]: { ...choice, completedOn: e.target.value } })
                      }
                    />
                  )}
                </div>
              );
            })
          )}
          {doneInPeriod.length > 0 && (
            <>
              <p>{t('rounds.report.doneInPeriod')}</p>
              <ul>
                {doneInPeriod.map((m) => (
                  <li key={m.id}>
                    {m.title} ({format.date(m.completedOn)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
        <fieldset className="period-report__part">
          <legend>{t('rounds.report.parts.indicators')}</legend>
          <p className="field__hint">{t('rounds.report.indicatorsHint')}</p>
          {data.indicators === undefined ? (
            <p>{t('rounds.loading')}</p>
          ) : data.indicators.length === 0 ? (
            <p>{t('rounds.report.noIndicators')}</p>
          ) : (
            data.indicators.map((indicator) => {
              const input = actualInput(indicator.id);
              const name = `${indicator.code} ${localisedName(indicator, format.language)}`;
              const unit =
                indicator.unit === 'other' ? (indicator.unitName ?? '') : t(`rounds.report.units.${indicator.unit}`);
              return (
                <div key={indicator.id} className="period-report__row">
                  <TextField
                    label={t('rounds.report.indicatorValue', { name, unit })}
                    inputMode="decimal"
                    value={input.value}
                    ref={fieldRef(`actual.${indicator.id}`)}
                    error={problemOf(`actual.${indicator.id}`)}
                    onChange={(e) => setActuals({ ...actuals, [indicator.id]: { ...input, value: e.target.value } })}
                  />
                  <TextField
                    label={t('rounds.report.indicatorNote', { code: indicator.code })}
                    value={input.note}
                    onChange={(e) => setActuals({ ...actuals, [indicator.id]: { ...input, note: e.target.value } })}
                  />
                </div>
              );
            })
          )}
        </fieldset>
        <fieldset className="period-report__part">
          <legend>{t('rounds.report.parts.payments')}</legend>
          {(data.payments ?? []).length > 0 && (
            <>
              <p>{t('rounds.report.paymentsRecorded')}</p>
              <ul>
                {(data.payments ?? []).map((p) => (
                  <li key={p.id}>
                    {format.date(p.paidOn)}: {format.money(p.amount)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {payable.length === 0 && data.decisions !== undefined && <p>{t('rounds.report.noDecisions')}</p>}
          {payments.map((row, index) => {
            const set = (change: Partial<PaymentRow>) =>
              setPayments(payments.map((r) => (r.key === row.key ? { ...r, ...change } : r)));
            const field = (f: string) => `payment.${row.key}.${f}`;
            return (
              <div
                key={row.key}
                className="period-report__payment"
                role="group"
                aria-label={t('rounds.report.paymentN', { n: index + 1 })}
              >
                <div className="period-report__row">
                  <SelectField
                    label={t('rounds.report.payment.decision', { n: index + 1 })}
                    value={row.fundingDecisionId}
                    ref={fieldRef(field('fundingDecisionId'))}
                    error={problemOf(field('fundingDecisionId'))}
                    onChange={(e) => set({ fundingDecisionId: e.target.value })}
                    emptyChoice={t('rounds.report.payment.chooseDecision')}
                    choices={payable.map(
                      (d) =>
                        [
                          d.id,
                          `${d.funder.name}${d.decisionDate ? `, ${format.date(d.decisionDate)}` : ''}${d.amountGranted ? `, ${format.money(d.amountGranted)}` : ''}`,
                        ] as const,
                    )}
                  />
                  <TextField
                    label={t('rounds.report.payment.paidOn', { n: index + 1 })}
                    type="date"
                    min={from}
                    max={to}
                    value={row.paidOn}
                    ref={fieldRef(field('paidOn'))}
                    error={problemOf(field('paidOn'))}
                    onChange={(e) => set({ paidOn: e.target.value })}
                  />
                  <TextField
                    label={t('rounds.report.payment.amount', { n: index + 1 })}
                    inputMode="decimal"
                    value={row.amount}
                    ref={fieldRef(field('amount'))}
                    error={problemOf(field('amount'))}
                    onChange={(e) => set({ amount: e.target.value })}
                  />
                </div>
                <TextField
                  label={t('rounds.report.payment.note', { n: index + 1 })}
                  value={row.note}
                  ref={fieldRef(field('note'))}
                  error={problemOf(field('note'))}
                  onChange={(e) => set({ note: e.target.value })}
                />
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setPayments(payments.filter((r) => r.key !== row.key))}
                >
                  {t('rounds.report.payment.remove', { n: index + 1 })}
                </button>
              </div>
            );
          })}
          {payable.length > 0 && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                const key = nextKey.current++;
                setPayments([
                  ...payments,
                  {
                    key,
                    fundingDecisionId: payable.length === 1 ? payable[0]!.id : '',
                    paidOn: '',
                    amount: '',
                    note: '',
                  },
                ]);
              }}
            >
              {t('rounds.report.payment.add')}
            </button>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit" aria-disabled={pending !== null}>
            {pending === 'saving' ? t('rounds.saving') : t('rounds.report.save')}
          </button>
          <button
            type="button"
            className="button-secondary"
            aria-disabled={pending !== null}
            onClick={() => void onSubmitForReview()}
          >
            {pending === 'submitting' ? t('rounds.saving') : t('rounds.report.submit')}
          </button>
        </div>
        <p className="field__hint">{t('rounds.report.submitHint')}</p>
      </form>
    </>
  );
}
