import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { updateProject } from '../api/record-writes';
import { projectOptions, useProjectRecord, type Project, useLatestRecord } from '../api/records';
import { moneyToInput } from '../../../lib/money-input';
import { TextControl } from './controls';
import { RecordFormPage, RecordLoading, useRecordForm, type Values } from './record-form';

const FIELDS = ['name', 'summary', 'plannedStart', 'plannedEnd', 'totalBudget', 'euraCode'] as const;
type F = (typeof FIELDS)[number];

function valuesOf(project: Project): Values<F> {
  return {
    name: project.name,
    summary: project.summary ?? '',
    plannedStart: project.plannedStart ?? '',
    plannedEnd: project.plannedEnd ?? '',
    totalBudget: moneyToInput(project.totalBudget),
    euraCode: project.euraCode ?? '',
  };
}

/** Edit a project's basic details (route /projects/:projectId/edit). */
export function EditProjectPage() {
  const { projectId = '' } = useParams();
  const project = useProjectRecord(projectId);
  if (!project.data) return <RecordLoading failed={project.isError} />;
  return <EditProjectForm project={project.data} />;
}

function EditProjectForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const latest = useLatestRecord();
  const form = useRecordForm<F>({
    projectId: project.id,
    fields: FIELDS,
    initial: valuesOf(project),
    version: project.version,
    required: ['name'],
    money: ['totalBudget'],
    saved: 'project',
    save: (body, version) => updateProject(project.id, { ...body, name: body.name ?? '' }, version),
    reload: () => latest(projectOptions(project.id), valuesOf),
  });
  const labels: Record<F, string> = {
    name: t('projectForms.fields.name'),
    summary: t('projectForms.fields.summary'),
    plannedStart: t('projectForms.fields.plannedStart'),
    plannedEnd: t('projectForms.fields.plannedEnd'),
    totalBudget: t('projectForms.fields.totalBudget'),
    euraCode: t('projectForms.fields.euraCode'),
  };
  return (
    <RecordFormPage title={`${t('projectForms.titles.editProject')}: ${project.code}`} form={form} fieldLabels={labels}>
      <TextControl form={form} field="name" label={labels.name} />
      <TextControl form={form} field="summary" label={labels.summary} multiline />
      <TextControl form={form} field="plannedStart" label={labels.plannedStart} type="date" />
      <TextControl form={form} field="plannedEnd" label={labels.plannedEnd} type="date" />
      <TextControl form={form} field="totalBudget" label={labels.totalBudget} money />
      <TextControl form={form} field="euraCode" label={labels.euraCode} />
    </RecordFormPage>
  );
}
