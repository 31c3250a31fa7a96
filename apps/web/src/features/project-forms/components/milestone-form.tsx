import { MILESTONE_STATUSES, MILESTONE_TRANSITIONS, nextStatuses, todayIso } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { components } from '../../../lib/api/schema';
import { createMilestone, deleteMilestone, updateMilestone } from '../api/record-writes';
import { milestoneOptions, useMilestoneRecord, type Milestone, useLatestRecord } from '../api/records';
import { SelectControl, TextControl } from './controls';
import { RecordFormPage, RecordLoading, useRecordForm, type Values } from './record-form';

type MilestoneStatus = components['schemas']['MilestoneStatus'];

const FIELDS = ['title', 'dueDate', 'description', 'status', 'completedOn'] as const;
type F = (typeof FIELDS)[number];

function valuesOf(milestone: Milestone): Values<F> {
  return {
    title: milestone.title,
    dueDate: milestone.dueDate,
    description: milestone.description ?? '',
    status: milestone.status,
    completedOn: milestone.completedOn ?? '',
  };
}

/** Add a milestone (route /projects/:projectId/milestones/new). */
export function NewMilestonePage() {
  const { projectId = '' } = useParams();
  return <MilestoneForm projectId={projectId} />;
}

/**
 * Edit a milestone (route /projects/:projectId/milestones/:milestoneId/edit), marking it done
 * included: its status moves only along the allowed transitions.
 */
export function EditMilestonePage() {
  const { projectId = '', milestoneId = '' } = useParams();
  const milestone = useMilestoneRecord(milestoneId);
  if (!milestone.data) return <RecordLoading failed={milestone.isError} />;
  return <MilestoneForm projectId={projectId} milestone={milestone.data} />;
}

/**
 * The one form of a milestone, new or existing. The completion date is asked only of a done
 * milestone; choosing "done" fills in today (Helsinki's date), which the user may change.
 */
function MilestoneForm({ projectId, milestone }: { projectId: string; milestone?: Milestone }) {
  const { t } = useTranslation();
  const latest = useLatestRecord();
  const form = useRecordForm<F>({
    projectId,
    fields: FIELDS,
    initial: milestone
      ? valuesOf(milestone)
      : { title: '', dueDate: '', description: '', status: 'planned', completedOn: '' },
    version: milestone?.version,
    required: ['title', 'dueDate', 'status'],
    saved: 'milestone',
    save: (body, version) => {
      const status = body.status as MilestoneStatus;
      // The API refuses a completion date on a milestone that is not done; left out, it uses today.
      const completedOn = status === 'done' && body.completedOn ? body.completedOn : undefined;
      const fields = {
        title: body.title ?? '',
        dueDate: body.dueDate ?? '',
        description: body.description,
        status,
        completedOn,
      };
      return milestone ? updateMilestone(milestone.id, fields, version) : createMilestone({ ...fields, projectId });
    },
    reload: milestone ? () => latest(milestoneOptions(milestone.id), valuesOf) : undefined,
    remove: milestone
      ? {
          record: 'milestone',
          send: (version) => deleteMilestone(milestone.id, version),
        }
      : undefined,
  });
  const labels: Record<F, string> = {
    title: t('projectForms.fields.title'),
    dueDate: t('projectForms.fields.dueDate'),
    description: t('projectForms.fields.description'),
    status: t('projectForms.fields.status'),
    completedOn: t('projectForms.fields.completedOn'),
  };
  const statuses: readonly MilestoneStatus[] = milestone
    ? [milestone.status, ...nextStatuses(MILESTONE_TRANSITIONS, milestone.status).filter((s) => s !== milestone.status)]
    : MILESTONE_STATUSES;
  return (
    <RecordFormPage
      title={
        milestone
          ? `${t('projectForms.titles.editMilestone')}: ${milestone.title}`
          : t('projectForms.titles.newMilestone')
      }
      form={form}
      fieldLabels={labels}
    >
      <TextControl form={form} field="title" label={labels.title} />
      <TextControl form={form} field="dueDate" label={labels.dueDate} type="date" />
      <TextControl form={form} field="description" label={labels.description} multiline />
      <SelectControl
        form={form}
        field="status"
        label={labels.status}
        chooseOption={false}
        options={statuses.map((value) => [value, t(`projectPage.milestones.statuses.${value}`)] as const)}
        onChange={(value) => {
          if (value === 'done' && form.values.completedOn === '') form.setValue('completedOn', todayIso());
        }}
      />
      {form.values.status === 'done' && (
        <TextControl
          form={form}
          field="completedOn"
          label={labels.completedOn}
          type="date"
          hint={t('projectForms.completedOnHint')}
        />
      )}
    </RecordFormPage>
  );
}
