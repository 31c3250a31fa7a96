import { todayIso } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { components } from '../../../lib/api/schema';
import { createStatusReport, updateProject } from '../api/record-writes';
import { projectOptions, type Project, useLatestRecord } from '../api/records';
import { SelectControl, TextControl, WithProject } from './controls';
import { RecordFormPage, useRecordForm } from './record-form';

type LifecycleStatus = components['schemas']['LifecycleStatus'];
type Health = components['schemas']['Health'];

const HEALTHS: readonly Health[] = ['on_track', 'at_risk', 'off_track'];

/* ---------- Lifecycle status ---------- */

const STATUS_FIELDS = ['lifecycleStatus'] as const;

/** Change the project's lifecycle status (route /projects/:projectId/status): only allowed transitions are offered. */
export function LifecycleStatusPage() {
  return <WithProject>{(project) => <LifecycleStatusForm project={project} />}</WithProject>;
}

function LifecycleStatusForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const latest = useLatestRecord();
  const form = useRecordForm({
    projectId: project.id,
    fields: STATUS_FIELDS,
    initial: { lifecycleStatus: '' },
    version: project.version,
    required: ['lifecycleStatus'],
    saved: 'status',
    save: (body, version) =>
      updateProject(project.id, { lifecycleStatus: body.lifecycleStatus as LifecycleStatus }, version),
    reload: () => latest(projectOptions(project.id), () => ({ lifecycleStatus: '' })),
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

/* ---------- Status report ---------- */

const REPORT_FIELDS = ['health', 'summary', 'risks', 'nextSteps', 'reportingDate'] as const;

/** Add a status report (route /projects/:projectId/status-reports/new); the reporting date defaults to today in Helsinki. */
export function NewStatusReportPage() {
  const { projectId = '' } = useParams();
  const { t } = useTranslation();
  const form = useRecordForm({
    projectId,
    fields: REPORT_FIELDS,
    initial: { health: '', summary: '', risks: '', nextSteps: '', reportingDate: todayIso() },
    required: ['health', 'summary', 'reportingDate'],
    saved: 'report',
    save: (body) =>
      createStatusReport({
        projectId,
        health: body.health as Health,
        summary: body.summary ?? '',
        risks: body.risks,
        nextSteps: body.nextSteps,
        reportingDate: body.reportingDate ?? '',
      }),
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
