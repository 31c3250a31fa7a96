import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { projectOptions, useDecisionRecord, useOrganisations, useProjectRecord, type Project } from '../api/records';
import { Field } from './field';
import { useFieldText } from './field-text';
import { RecordFormPage, RecordLoading, useRecordForm, type RecordForm } from './record-form';

type LifecycleStatus = components['schemas']['LifecycleStatus'];
type Health = components['schemas']['Health'];
type Instrument = components['schemas']['FundingInstrument'];
type InitialStatus = components['schemas']['InitialFundingDecisionStatus'];

const HEALTHS: readonly Health[] = ['on_track', 'at_risk', 'off_track'];
const INSTRUMENTS: readonly Instrument[] = ['akke', 'erdf', 'city_co_funding', 'business_finland', 'other'];
const INITIAL_STATUSES: readonly InitialStatus[] = ['applied', 'granted'];

/** Today in the browser's time zone as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** One text-like control (input or textarea) of a form, labelled, with its error. */
function TextControl<F extends string>({
  form,
  field,
  label,
  type = 'text',
  multiline = false,
  hint,
  money = false,
}: {
  form: RecordForm<F>;
  field: F;
  label: string;
  type?: string;
  multiline?: boolean;
  hint?: string;
  money?: boolean;
}) {
  const { t } = useTranslation();
  const text = useFieldText(form);
  return (
    <Field label={label} error={text(field)} hint={money ? t('projectForms.moneyHint') : hint}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            ref={form.fieldRef(field)}
            value={form.values[field]}
            onChange={(event) => form.setValue(field, event.target.value)}
          />
        ) : (
          <input
            {...control}
            ref={form.fieldRef(field)}
            type={type}
            inputMode={money ? 'decimal' : undefined}
            value={form.values[field]}
            onChange={(event) => form.setValue(field, event.target.value)}
          />
        )
      }
    </Field>
  );
}

/** A labelled select of a form; `options` are [value, label] pairs after an empty "choose" option. */
function SelectControl<F extends string>({
  form,
  field,
  label,
  options,
}: {
  form: RecordForm<F>;
  field: F;
  label: string;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  const { t } = useTranslation();
  const text = useFieldText(form);
  return (
    <Field label={label} error={text(field)}>
      {(control) => (
        <select
          {...control}
          ref={form.fieldRef(field)}
          value={form.values[field]}
          onChange={(event) => form.setValue(field, event.target.value)}
        >
          <option value="">{t('projectForms.choose')}</option>
          {options.map(([value, optionLabel]) => (
            <option key={value} value={value}>
              {optionLabel}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Loads the project of the route, then renders the form for it. */
function WithProject({ children }: { children: (project: Project) => React.ReactNode }) {
  const { projectId = '' } = useParams();
  const project = useProjectRecord(projectId);
  if (!project.data) return <RecordLoading failed={project.isError} />;
  return <>{children(project.data)}</>;
}

/* ---------- Lifecycle status ---------- */

const STATUS_FIELDS = ['lifecycleStatus'] as const;

/** Change the project's lifecycle status (route /projects/:projectId/status): only allowed transitions are offered. */
export function LifecycleStatusPage() {
  return <WithProject>{(project) => <LifecycleStatusForm project={project} />}</WithProject>;
}

function LifecycleStatusForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRecordForm({
    projectId: project.id,
    fields: STATUS_FIELDS,
    initial: { lifecycleStatus: '' },
    version: project.version,
    required: ['lifecycleStatus'],
    saved: 'status',
    save: (body, version) =>
      unwrap(
        api.PATCH('/api/projects/{id}', {
          params: { path: { id: project.id } },
          body: { lifecycleStatus: body.lifecycleStatus as LifecycleStatus, version },
        }),
      ),
    reload: async () => {
      const latest = await queryClient.fetchQuery({ ...projectOptions(project.id), staleTime: 0 });
      return { values: { lifecycleStatus: '' }, version: latest.version };
    },
  });
  const label = t('projectForms.fields.lifecycleStatus');
  const allowed = project.allowedTransitions;
  return (
    <RecordFormPage
      title={`${t('projectForms.titles.changeStatus')}: ${project.code}`}
      form={form}
      fieldLabels={{ lifecycleStatus: label }}
      canSave={allowed.length > 0}
      intro={<p>{t('projectForms.currentStatus', { status: t(`lifecycle.${project.lifecycleStatus}`) })}</p>}
    >
      {allowed.length > 0 ? (
        <SelectControl
          form={form}
          field="lifecycleStatus"
          label={label}
          options={allowed.map((status) => [status, t(`lifecycle.${status}`)] as const)}
        />
      ) : (
        <p>{t('projectForms.noTransitions')}</p>
      )}
    </RecordFormPage>
  );
}

/* ---------- Funding decision ---------- */

const DECISION_FIELDS = [
  'funderId',
  'instrument',
  'status',
  'amountGranted',
  'decisionDate',
  'decisionBody',
  'recordNumber',
] as const;

/** Record a funding decision for the project (route /projects/:projectId/funding-decisions/new). */
export function NewFundingDecisionPage() {
  return <WithProject>{(project) => <NewFundingDecisionForm project={project} />}</WithProject>;
}

function NewFundingDecisionForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const form = useRecordForm({
    projectId: project.id,
    fields: DECISION_FIELDS,
    initial: {
      funderId: '',
      instrument: '',
      status: '',
      amountGranted: '',
      decisionDate: '',
      decisionBody: '',
      recordNumber: '',
    },
    required: ['funderId', 'instrument', 'status'],
    money: ['amountGranted'],
    saved: 'decision',
    save: (body) =>
      unwrap(
        api.POST('/api/funding-decisions', {
          body: {
            agreementId: project.priorityArea.agreementId,
            projectId: project.id,
            funderId: body.funderId ?? '',
            instrument: body.instrument as Instrument,
            status: body.status as InitialStatus,
            amountGranted: body.amountGranted,
            decisionDate: body.decisionDate,
            decisionBody: body.decisionBody,
            recordNumber: body.recordNumber,
          },
        }),
      ),
  });
  const labels = {
    funderId: t('projectForms.fields.funderId'),
    instrument: t('projectForms.fields.instrument'),
    status: t('projectForms.fields.status'),
    amountGranted: t('projectForms.fields.amountGranted'),
    decisionDate: t('projectForms.fields.decisionDate'),
    decisionBody: t('projectForms.fields.decisionBody'),
    recordNumber: t('projectForms.fields.recordNumber'),
  };
  return (
    <RecordFormPage title={`${t('projectForms.titles.newDecision')}: ${project.code}`} form={form} fieldLabels={labels}>
      <SelectControl
        form={form}
        field="funderId"
        label={labels.funderId}
        options={(organisations.data ?? []).map((organisation) => [organisation.id, organisation.name] as const)}
      />
      <SelectControl
        form={form}
        field="instrument"
        label={labels.instrument}
        options={INSTRUMENTS.map((value) => [value, t(`projectPage.instruments.${value}`)] as const)}
      />
      <SelectControl
        form={form}
        field="status"
        label={labels.status}
        options={INITIAL_STATUSES.map((value) => [value, t(`projectPage.decisionStatuses.${value}`)] as const)}
      />
      <TextControl form={form} field="amountGranted" label={labels.amountGranted} money />
      <TextControl form={form} field="decisionDate" label={labels.decisionDate} type="date" />
      <TextControl form={form} field="decisionBody" label={labels.decisionBody} />
      <TextControl form={form} field="recordNumber" label={labels.recordNumber} />
    </RecordFormPage>
  );
}

/* ---------- Payment ---------- */

const PAYMENT_FIELDS = ['amount', 'paidOn', 'note'] as const;

/** Record a payment under a funding decision (route /projects/:projectId/funding-decisions/:decisionId/payments/new). */
export function NewPaymentPage() {
  const { projectId = '', decisionId = '' } = useParams();
  const decision = useDecisionRecord(decisionId);
  if (!decision.data) return <RecordLoading failed={decision.isError} />;
  return <NewPaymentForm projectId={projectId} decision={decision.data} />;
}

function NewPaymentForm({
  projectId,
  decision,
}: {
  projectId: string;
  decision: components['schemas']['FundingDecisionResponse'];
}) {
  const { t } = useTranslation();
  const form = useRecordForm({
    projectId,
    fields: PAYMENT_FIELDS,
    initial: { amount: '', paidOn: today(), note: '' },
    required: ['amount', 'paidOn'],
    money: ['amount'],
    saved: 'payment',
    save: (body) =>
      unwrap(
        api.POST('/api/payments', {
          body: {
            fundingDecisionId: decision.id,
            amount: body.amount ?? '',
            paidOn: body.paidOn ?? '',
            note: body.note,
          },
        }),
      ),
  });
  const labels = {
    amount: t('projectForms.fields.amount'),
    paidOn: t('projectForms.fields.paidOn'),
    note: t('projectForms.fields.note'),
  };
  const decisionName = `${decision.funder.name}, ${t(`projectPage.instruments.${decision.instrument}`)}`;
  return (
    <RecordFormPage
      title={t('projectForms.titles.newPayment')}
      form={form}
      fieldLabels={labels}
      intro={<p>{t('projectForms.decisionFor', { name: decisionName })}</p>}
    >
      <TextControl form={form} field="amount" label={labels.amount} money />
      <TextControl form={form} field="paidOn" label={labels.paidOn} type="date" />
      <TextControl form={form} field="note" label={labels.note} />
    </RecordFormPage>
  );
}

/* ---------- Milestone ---------- */

const MILESTONE_FIELDS = ['title', 'dueDate', 'description'] as const;

/** Add a milestone (route /projects/:projectId/milestones/new). */
export function NewMilestonePage() {
  const { projectId = '' } = useParams();
  const { t } = useTranslation();
  const form = useRecordForm({
    projectId,
    fields: MILESTONE_FIELDS,
    initial: { title: '', dueDate: '', description: '' },
    required: ['title', 'dueDate'],
    saved: 'milestone',
    save: (body) =>
      unwrap(
        api.POST('/api/milestones', {
          body: {
            projectId,
            title: body.title ?? '',
            dueDate: body.dueDate ?? '',
            description: body.description,
            status: 'planned',
          },
        }),
      ),
  });
  const labels = {
    title: t('projectForms.fields.title'),
    dueDate: t('projectForms.fields.dueDate'),
    description: t('projectForms.fields.description'),
  };
  return (
    <RecordFormPage title={t('projectForms.titles.newMilestone')} form={form} fieldLabels={labels}>
      <TextControl form={form} field="title" label={labels.title} />
      <TextControl form={form} field="dueDate" label={labels.dueDate} type="date" />
      <TextControl form={form} field="description" label={labels.description} multiline />
    </RecordFormPage>
  );
}

/* ---------- Status report ---------- */

const REPORT_FIELDS = ['health', 'summary', 'risks', 'nextSteps', 'reportingDate'] as const;

/** Add a status report (route /projects/:projectId/status-reports/new); the reporting date defaults to today. */
export function NewStatusReportPage() {
  const { projectId = '' } = useParams();
  const { t } = useTranslation();
  const form = useRecordForm({
    projectId,
    fields: REPORT_FIELDS,
    initial: { health: '', summary: '', risks: '', nextSteps: '', reportingDate: today() },
    required: ['health', 'summary', 'reportingDate'],
    saved: 'report',
    save: (body) =>
      unwrap(
        api.POST('/api/status-reports', {
          body: {
            projectId,
            health: body.health as Health,
            summary: body.summary ?? '',
            risks: body.risks,
            nextSteps: body.nextSteps,
            reportingDate: body.reportingDate ?? '',
          },
        }),
      ),
  });
  const labels = {
    health: t('projectForms.fields.health'),
    summary: t('projectForms.fields.reportSummary'),
    risks: t('projectForms.fields.risks'),
    nextSteps: t('projectForms.fields.nextSteps'),
    reportingDate: t('projectForms.fields.reportingDate'),
  };
  return (
    <RecordFormPage title={t('projectForms.titles.newReport')} form={form} fieldLabels={labels}>
      <SelectControl
        form={form}
        field="health"
        label={labels.health}
        options={HEALTHS.map((value) => [value, t(`health.${value}`)] as const)}
      />
      <TextControl form={form} field="summary" label={labels.summary} multiline />
      <TextControl form={form} field="risks" label={labels.risks} multiline />
      <TextControl form={form} field="nextSteps" label={labels.nextSteps} multiline />
      <TextControl form={form} field="reportingDate" label={labels.reportingDate} type="date" />
    </RecordFormPage>
  );
}
