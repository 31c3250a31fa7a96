import { PARTICIPANT_ROLES, SUPPORT_KINDS } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { components } from '../../../lib/api/schema';
import { createParticipant, deleteParticipant, updateParticipant } from '../api/record-writes';
import {
  participantOptions,
  useLatestRecord,
  useOrganisations,
  useParticipantRecord,
  type Organisation,
  type Participant,
} from '../api/records';
import { moneyToInput } from '../../../lib/money-input';
import { SelectControl, TextControl } from './controls';
import { RecordFormPage, RecordLoading, useRecordForm, type Values } from './record-form';

type ParticipantRole = components['schemas']['ParticipantRole'];
type SupportKind = components['schemas']['SupportKind'];

const FIELDS = ['organisationId', 'role', 'startsOn', 'endsOn', 'supportKind', 'supportAmount'] as const;
type F = (typeof FIELDS)[number];

function valuesOf(participant: Participant): Values<F> {
  return {
    organisationId: participant.organisation.id,
    role: participant.role,
    startsOn: participant.startsOn ?? '',
    endsOn: participant.endsOn ?? '',
    supportKind: participant.supportKind ?? '',
    supportAmount: moneyToInput(participant.supportAmount),
  };
}

/** Add an organisation to the project's participant register (route /projects/:projectId/participants/new). */
export function NewParticipantPage() {
  const { projectId = '' } = useParams();
  const organisations = useOrganisations();
  if (!organisations.data) return <RecordLoading failed={organisations.isError} />;
  return <ParticipantForm projectId={projectId} organisations={organisations.data} />;
}

/** Edit or remove a participant (route /projects/:projectId/participants/:participantId/edit). */
export function EditParticipantPage() {
  const { projectId = '', participantId = '' } = useParams();
  const participant = useParticipantRecord(participantId);
  const organisations = useOrganisations();
  if (!participant.data || !organisations.data) {
    return <RecordLoading failed={participant.isError || organisations.isError} />;
  }
  return <ParticipantForm projectId={projectId} organisations={organisations.data} participant={participant.data} />;
}

/**
 * The one form of a participant, new or existing: the organisation (from the organisation
 * register, where its business ID is kept), its role, when it takes part (either end may be left
 * open), and the kind and amount of support when they are known.
 */
function ParticipantForm({
  projectId,
  organisations,
  participant,
}: {
  projectId: string;
  organisations: Organisation[];
  participant?: Participant;
}) {
  const { t } = useTranslation();
  const latest = useLatestRecord();
  const form = useRecordForm<F>({
    projectId,
    fields: FIELDS,
    initial: participant
      ? valuesOf(participant)
      : { organisationId: '', role: '', startsOn: '', endsOn: '', supportKind: '', supportAmount: '' },
    version: participant?.version,
    required: ['organisationId', 'role'],
    money: ['supportAmount'],
    saved: 'participant',
    wording: { organisationId: { duplicate: 'participants.duplicate' } },
    save: (body, version) => {
      const fields = {
        organisationId: body.organisationId ?? '',
        role: body.role as ParticipantRole,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        supportKind: body.supportKind as SupportKind | null,
        supportAmount: body.supportAmount,
      };
      return participant
        ? updateParticipant(participant.id, fields, version)
        : createParticipant({ ...fields, projectId });
    },
    reload: participant ? () => latest(participantOptions(participant.id), valuesOf) : undefined,
    remove: participant
      ? { record: 'participant', send: (version) => deleteParticipant(participant.id, version) }
      : undefined,
  });
  const labels: Record<F, string> = {
    organisationId: t('participants.fields.organisationId'),
    role: t('participants.fields.role'),
    startsOn: t('participants.fields.startsOn'),
    endsOn: t('participants.fields.endsOn'),
    supportKind: t('participants.fields.supportKind'),
    supportAmount: t('participants.fields.supportAmount'),
  };
  return (
    <RecordFormPage
      title={
        participant
          ? `${t('participants.titles.edit')}: ${participant.organisation.name}`
          : t('participants.titles.new')
      }
      form={form}
      fieldLabels={labels}
    >
      <SelectControl
        form={form}
        field="organisationId"
        label={labels.organisationId}
        hint={t('participants.hints.organisationId')}
        options={organisations.map((organisation) => [organisation.id, organisation.name] as const)}
      />
      <SelectControl
        form={form}
        field="role"
        label={labels.role}
        options={PARTICIPANT_ROLES.map((role) => [role, t(`participants.roles.${role}`)] as const)}
      />
      <TextControl
        form={form}
        field="startsOn"
        label={labels.startsOn}
        type="date"
        hint={t('participants.hints.startsOn')}
      />
      <TextControl form={form} field="endsOn" label={labels.endsOn} type="date" hint={t('participants.hints.endsOn')} />
      <SelectControl
        form={form}
        field="supportKind"
        label={labels.supportKind}
        hint={t('participants.hints.supportKind')}
        options={SUPPORT_KINDS.map((kind) => [kind, t(`participants.supportKinds.${kind}`)] as const)}
      />
      <TextControl form={form} field="supportAmount" label={labels.supportAmount} money />
    </RecordFormPage>
  );
}
