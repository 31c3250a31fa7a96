import { FUNDING_DECISION_TRANSITIONS, FUNDING_INSTRUMENTS, nextStatuses } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { components } from '../../../lib/api/schema';
import { createFundingDecision, deleteFundingDecision, updateFundingDecision } from '../api/record-writes';
import {
  decisionOptions,
  useDecisionRecord,
  useOrganisations,
  type FundingDecision,
  useLatestRecord,
} from '../api/records';
import { moneyToInput } from '../../../lib/money-input';
import { SelectControl, TextControl, WithProject } from './controls';
import { RecordFormPage, RecordLoading, useRecordForm, type Values } from './record-form';

type Instrument = components['schemas']['FundingInstrument'];
type DecisionStatus = components['schemas']['FundingDecisionStatus'];
type InitialStatus = components['schemas']['InitialFundingDecisionStatus'];

const INITIAL_STATUSES: readonly InitialStatus[] = ['applied', 'granted'];

const FIELDS = [
  'funderId',
  'recipientId',
  'instrument',
  'status',
  'amountGranted',
  'coFundingRate',
  'cap',
  'decisionDate',
  'decisionBody',
  'recordNumber',
  'eligibleFrom',
  'eligibleTo',
  'conditions',
] as const;
type F = (typeof FIELDS)[number];

const EMPTY: Values<F> = {
  funderId: '',
  recipientId: '',
  instrument: '',
  status: '',
  amountGranted: '',
  coFundingRate: '',
  cap: '',
  decisionDate: '',
  decisionBody: '',
  recordNumber: '',
  eligibleFrom: '',
  eligibleTo: '',
  conditions: '',
};

/** A decision as the form shows it: money and rates Finnish style, nothing as "". */
function valuesOf(decision: FundingDecision): Values<F> {
  return {
    funderId: decision.funderId,
    recipientId: decision.recipientId ?? '',
    instrument: decision.instrument,
    status: decision.status,
    amountGranted: moneyToInput(decision.amountGranted),
    coFundingRate: moneyToInput(decision.coFundingRate),
    cap: moneyToInput(decision.cap),
    decisionDate: decision.decisionDate ?? '',
    decisionBody: decision.decisionBody ?? '',
    recordNumber: decision.recordNumber ?? '',
    eligibleFrom: decision.eligibleFrom ?? '',
    eligibleTo: decision.eligibleTo ?? '',
    conditions: decision.conditions ?? '',
  };
}

/** The fields both the new and the edited decision send (everything but the status and the links). */
function changes(body: Record<F, string | null>) {
  return {
    funderId: body.funderId ?? '',
    recipientId: body.recipientId,
    instrument: body.instrument as Instrument,
    amountGranted: body.amountGranted,
    coFundingRate: body.coFundingRate,
    cap: body.cap,
    decisionDate: body.decisionDate,
    decisionBody: body.decisionBody,
    recordNumber: body.recordNumber,
    eligibleFrom: body.eligibleFrom,
    eligibleTo: body.eligibleTo,
    conditions: body.conditions,
  };
}

/** Record a funding decision for the project (route /projects/:projectId/funding-decisions/new). */
export function NewFundingDecisionPage() {
  return (
    <WithProject>
      {(project) => (
        <FundingDecisionForm
          projectId={project.id}
          agreementId={project.priorityArea.agreementId}
          projectCode={project.code}
        />
      )}
    </WithProject>
  );
}

/**
 * Edit a funding decision (route /projects/:projectId/funding-decisions/:decisionId/edit). Its status
 * may change only along the allowed transitions; the current status is the first choice.
 */
export function EditFundingDecisionPage() {
  const { projectId = '', decisionId = '' } = useParams();
  const decision = useDecisionRecord(decisionId);
  if (!decision.data) return <RecordLoading failed={decision.isError} />;
  return <FundingDecisionForm projectId={projectId} agreementId={decision.data.agreementId} decision={decision.data} />;
}

/** The one form of a funding decision: a new one for the project, or the existing `decision`. */
function FundingDecisionForm({
  projectId,
  agreementId,
  projectCode = '',
  decision,
}: {
  projectId: string;
  agreementId: string;
  projectCode?: string;
  decision?: FundingDecision;
}) {
  const { t } = useTranslation();
  const latest = useLatestRecord();
  const organisations = useOrganisations();
  const form = useRecordForm<F>({
    projectId,
    fields: FIELDS,
    initial: decision ? valuesOf(decision) : EMPTY,
    version: decision?.version,
    required: ['funderId', 'instrument', 'status'],
    money: ['amountGranted', 'cap'],
    percent: ['coFundingRate'],
    saved: 'decision',
    save: (body, version) =>
      decision
        ? updateFundingDecision(decision.id, { ...changes(body), status: body.status as DecisionStatus }, version)
        : createFundingDecision({ ...changes(body), agreementId, projectId, status: body.status as InitialStatus }),
    reload: decision ? () => latest(decisionOptions(decision.id), valuesOf) : undefined,
    remove: decision
      ? {
          record: 'decision',
          send: (version) => deleteFundingDecision(decision.id, version),
          inUse: 'projectForms.delete.decision.inUse',
        }
      : undefined,
  });
  const labels: Record<F, string> = {
    funderId: t('projectForms.fields.funderId'),
    recipientId: t('projectForms.fields.recipientId'),
    instrument: t('projectForms.fields.instrument'),
    status: t('projectForms.fields.status'),
    amountGranted: t('projectForms.fields.amountGranted'),
    coFundingRate: t('projectForms.fields.coFundingRate'),
    cap: t('projectForms.fields.cap'),
    decisionDate: t('projectForms.fields.decisionDate'),
    decisionBody: t('projectForms.fields.decisionBody'),
    recordNumber: t('projectForms.fields.recordNumber'),
    eligibleFrom: t('projectForms.fields.eligibleFrom'),
    eligibleTo: t('projectForms.fields.eligibleTo'),
    conditions: t('projectForms.fields.conditions'),
  };
  const organisationChoices = (organisations.data ?? []).map(
    (organisation) => [organisation.id, organisation.name] as const,
  );
  // A new decision is applied for or granted; an existing one keeps its status or moves along a transition.
  const statuses: readonly DecisionStatus[] = decision
    ? [
        decision.status,
        ...nextStatuses(FUNDING_DECISION_TRANSITIONS, decision.status).filter((s) => s !== decision.status),
      ]
    : INITIAL_STATUSES;
  const title = decision
    ? `${t('projectForms.titles.editDecision')}: ${decision.funder.name}, ${t(`projectPage.instruments.${decision.instrument}`)}${
        decision.recordNumber ? ` ${decision.recordNumber}` : ''
      }`
    : `${t('projectForms.titles.newDecision')}: ${projectCode}`;
  return (
    <RecordFormPage title={title} form={form} fieldLabels={labels}>
      <SelectControl form={form} field="funderId" label={labels.funderId} options={organisationChoices} />
      <SelectControl
        form={form}
        field="instrument"
        label={labels.instrument}
        options={FUNDING_INSTRUMENTS.map((value) => [value, t(`projectPage.instruments.${value}`)] as const)}
      />
      <SelectControl
        form={form}
        field="status"
        label={labels.status}
        chooseOption={!decision}
        options={statuses.map((value) => [value, t(`projectPage.decisionStatuses.${value}`)] as const)}
      />
      <TextControl form={form} field="amountGranted" label={labels.amountGranted} money />
      <TextControl form={form} field="decisionDate" label={labels.decisionDate} type="date" />
      <TextControl form={form} field="decisionBody" label={labels.decisionBody} />
      <TextControl form={form} field="recordNumber" label={labels.recordNumber} />
      <SelectControl
        form={form}
        field="recipientId"
        label={labels.recipientId}
        hint={t('projectForms.recipientHint')}
        options={organisationChoices}
      />
      <TextControl
        form={form}
        field="coFundingRate"
        label={labels.coFundingRate}
        hint={t('projectForms.percentHint')}
      />
      <TextControl form={form} field="cap" label={labels.cap} money />
      <TextControl form={form} field="eligibleFrom" label={labels.eligibleFrom} type="date" />
      <TextControl form={form} field="eligibleTo" label={labels.eligibleTo} type="date" />
      <TextControl form={form} field="conditions" label={labels.conditions} multiline />
    </RecordFormPage>
  );
}
