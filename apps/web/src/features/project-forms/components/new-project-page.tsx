import { PROJECT_KINDS, type Language } from '@salkku/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgreements, usePriorityAreas, type Agreement } from '../../../lib/api/portfolio-choices';
import type { components } from '../../../lib/api/schema';
import { localisedName } from '../../../lib/localised-name';
import { createProject } from '../api/record-writes';
import { useOrganisations, type Organisation } from '../api/records';
import { SelectControl, TextControl } from './controls';
import { RecordFormPage, RecordLoading, useRecordForm } from './record-form';

type ProjectKind = components['schemas']['ProjectKind'];
type CreatableStatus = components['schemas']['CreatableLifecycleStatus'];

const CREATABLE_STATUSES: readonly CreatableStatus[] = ['planned', 'active'];

const BASE_FIELDS = [
  'agreementId',
  'priorityAreaId',
  'code',
  'name',
  'summary',
  'kind',
  'lifecycleStatus',
  'leadOrganisationId',
  'plannedStart',
  'plannedEnd',
  'totalBudget',
  'euraCode',
] as const;
const PARTNER_PARTS = ['organisationId', 'role', 'budgetShare'] as const;
type PartnerPart = (typeof PARTNER_PARTS)[number];
/** A partner's fields are named as the API names their errors: "partners.0.organisationId". */
type PartnerField = `partners.${number}.${PartnerPart}`;
type F = (typeof BASE_FIELDS)[number] | PartnerField;

const partnerField = (index: number, part: PartnerPart): PartnerField => `partners.${index}.${part}`;

/**
 * Create a project (route /projects/new): agreement → priority area, code, name, kind, lead and
 * partners, dates, budget. After the save the new project's page opens and says so.
 */
export function NewProjectPage() {
  const agreements = useAgreements();
  const organisations = useOrganisations();
  if (!agreements.data || !organisations.data) {
    return <RecordLoading failed={agreements.isError || organisations.isError} />;
  }
  return <NewProjectForm agreements={agreements.data} organisations={organisations.data} />;
}

function NewProjectForm({ agreements, organisations }: { agreements: Agreement[]; organisations: Organisation[] }) {
  const { t, i18n } = useTranslation();
  const [partnerCount, setPartnerCount] = useState(0);
  // Memoised: the form focuses its first invalid field when `fields` or the problems change.
  const fields = useMemo<readonly F[]>(
    () => [
      ...BASE_FIELDS,
      ...Array.from({ length: partnerCount }, (_, index) =>
        PARTNER_PARTS.map((part) => partnerField(index, part)),
      ).flat(),
    ],
    [partnerCount],
  );
  const partnerIndexes = Array.from({ length: partnerCount }, (_, index) => index);
  const form = useRecordForm<F, components['schemas']['ProjectDetailResponse']>({
    projectId: '',
    backTo: '/projects',
    savedTo: (created) => `/projects/${created.id}`,
    fields,
    initial: {
      // A coordinator's city usually has one agreement: it is chosen already.
      agreementId: agreements.length === 1 ? agreements[0]!.id : '',
      priorityAreaId: '',
      code: '',
      name: '',
      summary: '',
      kind: 'other',
      lifecycleStatus: 'planned',
      leadOrganisationId: '',
      plannedStart: '',
      plannedEnd: '',
      totalBudget: '',
      euraCode: '',
    },
    required: [
      'agreementId',
      'priorityAreaId',
      'code',
      'name',
      'leadOrganisationId',
      ...partnerIndexes.map((index) => partnerField(index, 'organisationId')),
    ],
    money: ['totalBudget', ...partnerIndexes.map((index) => partnerField(index, 'budgetShare'))],
    saved: 'created',
    save: (body) =>
      createProject({
        priorityAreaId: body.priorityAreaId ?? '',
        code: body.code ?? '',
        name: body.name ?? '',
        summary: body.summary,
        kind: body.kind as ProjectKind,
        lifecycleStatus: body.lifecycleStatus as CreatableStatus,
        leadOrganisationId: body.leadOrganisationId ?? '',
        plannedStart: body.plannedStart,
        plannedEnd: body.plannedEnd,
        totalBudget: body.totalBudget,
        euraCode: body.euraCode,
        partners: partnerIndexes.map((index) => ({
          organisationId: body[partnerField(index, 'organisationId')] ?? '',
          role: body[partnerField(index, 'role')],
          budgetShare: body[partnerField(index, 'budgetShare')],
        })),
      }),
  });
  const agreementId = form.values.agreementId;
  const priorityAreas = usePriorityAreas(agreementId || undefined);
  const language = i18n.language as Language;
  const areaChoices = agreementId
    ? (priorityAreas.data ?? [])
        .filter((area) => area.agreementId === agreementId)
        .map((area) => [area.id, localisedName(area, language)] as const)
    : [];
  const organisationChoices = organisations.map((organisation) => [organisation.id, organisation.name] as const);

  // A row just added gets the focus, so keyboard and screen reader users land in it.
  const focusRow = useRef<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const partnersRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    const row = partnersRef.current?.querySelectorAll('.project-forms__partner')[focusRow.current];
    focusRow.current = null;
    row?.querySelector('select')?.focus();
  }, [partnerCount]);

  function addPartner() {
    for (const part of PARTNER_PARTS) form.setValue(partnerField(partnerCount, part), '');
    focusRow.current = partnerCount;
    setPartnerCount(partnerCount + 1);
  }

  function removePartner(index: number) {
    // Later rows move up one, so the names stay "partners.0…n-1" as the API numbers them.
    for (let row = index; row < partnerCount - 1; row++) {
      for (const part of PARTNER_PARTS)
        form.setValue(partnerField(row, part), form.values[partnerField(row + 1, part)] ?? '');
    }
    setPartnerCount(partnerCount - 1);
    addButton.current?.focus();
  }

  const labels: Partial<Record<F, string>> = {
    agreementId: t('projectForms.fields.agreementId'),
    priorityAreaId: t('projectForms.fields.priorityAreaId'),
    code: t('projectForms.fields.code'),
    name: t('projectForms.fields.name'),
    summary: t('projectForms.fields.summary'),
    kind: t('projectForms.fields.kind'),
    lifecycleStatus: t('projectForms.fields.initialStatus'),
    leadOrganisationId: t('projectForms.fields.leadOrganisationId'),
    plannedStart: t('projectForms.fields.plannedStart'),
    plannedEnd: t('projectForms.fields.plannedEnd'),
    totalBudget: t('projectForms.fields.totalBudget'),
    euraCode: t('projectForms.fields.euraCode'),
  };
  for (const index of partnerIndexes) {
    const n = index + 1;
    labels[partnerField(index, 'organisationId')] = t('projectForms.partners.organisationOf', { n });
    labels[partnerField(index, 'role')] = t('projectForms.partners.roleOf', { n });
    labels[partnerField(index, 'budgetShare')] = t('projectForms.partners.budgetShareOf', { n });
  }

  return (
    <RecordFormPage title={t('projectForms.titles.newProject')} form={form} fieldLabels={labels}>
      <SelectControl
        form={form}
        field="agreementId"
        label={labels.agreementId!}
        options={agreements.map((agreement) => [agreement.id, agreement.title] as const)}
        onChange={() => form.setValue('priorityAreaId', '')}
      />
      <SelectControl
        form={form}
        field="priorityAreaId"
        label={labels.priorityAreaId!}
        hint={agreementId ? undefined : t('projectForms.chooseAgreementFirst')}
        options={areaChoices}
      />
      <TextControl form={form} field="code" label={labels.code!} hint={t('projectForms.codeHint')} />
      <TextControl form={form} field="name" label={labels.name!} />
      <TextControl form={form} field="summary" label={labels.summary!} multiline />
      <SelectControl
        form={form}
        field="kind"
        label={labels.kind!}
        chooseOption={false}
        options={PROJECT_KINDS.map((kind) => [kind, t(`projectPage.kinds.${kind}`)] as const)}
      />
      <SelectControl
        form={form}
        field="lifecycleStatus"
        label={labels.lifecycleStatus!}
        chooseOption={false}
        options={CREATABLE_STATUSES.map((status) => [status, t(`lifecycle.${status}`)] as const)}
      />
      <SelectControl
        form={form}
        field="leadOrganisationId"
        label={labels.leadOrganisationId!}
        options={organisationChoices}
      />
      <TextControl form={form} field="plannedStart" label={labels.plannedStart!} type="date" />
      <TextControl form={form} field="plannedEnd" label={labels.plannedEnd!} type="date" />
      <TextControl form={form} field="totalBudget" label={labels.totalBudget!} money />
      <TextControl form={form} field="euraCode" label={labels.euraCode!} />
      <fieldset className="project-forms__partners" ref={partnersRef}>
        <legend>{t('projectForms.partners.legend')}</legend>
        {partnerCount === 0 && <p>{t('projectForms.partners.none')}</p>}
        {partnerIndexes.map((index) => (
          <div
            key={index}
            className="project-forms__partner"
            role="group"
            aria-label={t('projectForms.partners.rowLabel', { n: index + 1 })}
          >
            <SelectControl
              form={form}
              field={partnerField(index, 'organisationId')}
              label={labels[partnerField(index, 'organisationId')]!}
              options={organisationChoices}
            />
            <TextControl form={form} field={partnerField(index, 'role')} label={labels[partnerField(index, 'role')]!} />
            <TextControl
              form={form}
              field={partnerField(index, 'budgetShare')}
              label={labels[partnerField(index, 'budgetShare')]!}
              money
            />
            <button type="button" className="button-secondary" onClick={() => removePartner(index)}>
              {t('projectForms.partners.remove', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" ref={addButton} className="button-secondary" onClick={addPartner}>
          {t('projectForms.partners.add')}
        </button>
      </fieldset>
    </RecordFormPage>
  );
}
