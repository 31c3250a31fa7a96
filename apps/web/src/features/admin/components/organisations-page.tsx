import { ORGANISATION_KINDS, type OrganisationKind } from '@salkku/shared';
import { useId, useState, type FormEvent } from 'react';
import { AdminRegistryPage } from './admin-registry';
import { useTranslation } from 'react-i18next';
import { useCreateOrganisation, useOrganisations, useUpdateOrganisation, type Organisation } from '../api/admin';
import { adminProblemsOf } from './admin-problems';
import { useProblemText } from '../../../lib/form-problems';
import { SelectField, TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';
import { useFormValues } from '../../../lib/form-values';

const FIELDS = ['name', 'kind', 'businessId', 'country'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const EMPTY: Values = { name: '', kind: 'company', businessId: '', country: 'FI' };

function valuesOf(org: Organisation): Values {
  return { name: org.name, kind: org.kind, businessId: org.businessId ?? '', country: org.country };
}

/** Admin: the organisations registry (cities, funders, leads, partners); create and edit. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const organisations = useOrganisations(page);
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  return (
    <AdminRegistryPage
      title={t('admin.organisations.title')}
      records={organisations}
      page={page}
      onPageChange={setPage}
      caption={(total) => t('admin.organisations.caption', { total })}
      columns={[
        t('admin.organisations.name'),
        t('admin.organisations.kind'),
        t('admin.organisations.businessId'),
        t('admin.organisations.country'),
      ]}
      cells={(org) => [org.name, t(`organisationKinds.${org.kind}`), org.businessId ?? '–', org.country]}
      editLabel={(org) => t('admin.organisations.edit', { name: org.name })}
      editor={(org, onStatus) => (
        <OrganisationForm
          title={t('admin.organisations.editTitle', { name: org.name })}
          initial={valuesOf(org)}
          submitLabel={t('admin.save')}
          error={update.isError ? update.error : null}
          pending={update.isPending}
          onSubmit={(values) =>
            update.mutate(
              { id: org.id, body: bodyOf(values), version: org.version },
              { onSuccess: (saved) => onStatus(t('admin.organisations.saved', { name: saved.name })) },
            )
          }
        />
      )}
    >
      {(onStatus) => (
        <OrganisationForm
          title={t('admin.organisations.createTitle')}
          initial={EMPTY}
          submitLabel={t('admin.organisations.create')}
          error={create.isError ? create.error : null}
          pending={create.isPending}
          resetOnSuccess
          onSubmit={(values, done) =>
            create.mutate(bodyOf(values), {
              onSuccess: (saved) => {
                done();
                onStatus(t('admin.organisations.created', { name: saved.name }));
              },
            })
          }
        />
      )}
    </AdminRegistryPage>
  );
}

/** The values of the form as the API takes them: trimmed, no business id as null, the country code in capitals. */
function bodyOf(values: Values) {
  return {
    name: values.name.trim(),
    kind: values.kind as OrganisationKind,
    businessId: values.businessId.trim() || null,
    country: values.country.trim().toUpperCase(),
  };
}

function OrganisationForm({
  title,
  initial,
  submitLabel,
  error,
  pending,
  resetOnSuccess = false,
  onSubmit,
}: {
  title: string;
  initial: Values;
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
  const problems = adminProblemsOf(error, FIELDS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    onSubmit(values, () => {
      if (resetOnSuccess) setValues(initial);
    });
  }

  return (
    <section aria-labelledby={headingId} className="admin-form">
      <h2 id={headingId}>{title}</h2>
      {problems && (
        <p role="alert" className="error-message">
          {text(problems.form)}
        </p>
      )}
      <form noValidate onSubmit={submit} aria-labelledby={headingId}>
        <TextField label={t('admin.organisations.name')} {...bind('name')} error={text(problems?.fields.name)} />
        <SelectField
          label={t('admin.organisations.kind')}
          {...bind('kind')}
          error={text(problems?.fields.kind)}
          choices={ORGANISATION_KINDS.map((kind) => [kind, t(`organisationKinds.${kind}`)] as const)}
        />
        <TextField
          label={t('admin.organisations.businessId')}
          hint={t('admin.organisations.businessIdHint')}
          {...bind('businessId')}
          error={text(problems?.fields.businessId)}
        />
        <TextField
          label={t('admin.organisations.country')}
          hint={t('admin.organisations.countryHint')}
          {...bind('country')}
          error={text(problems?.fields.country)}
          maxLength={2}
        />
        <FormActions submitLabel={submitLabel} pending={pending} />
      </form>
    </section>
  );
}
