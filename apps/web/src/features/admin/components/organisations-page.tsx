import { ORGANISATION_KINDS, type OrganisationKind } from '@salkku/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../../components/pagination';
import { useDocumentTitle } from '../../../lib/use-document-title';
import {
  ADMIN_PAGE_SIZE,
  useCreateOrganisation,
  useOrganisations,
  useUpdateOrganisation,
  type Organisation,
} from '../api/admin';
import { adminProblemsOf } from './admin-problems';
import { useProblemText } from '../../../lib/form-problems';
import './admin.css';
import { TableScroll } from '../../../components/table-scroll';
import { SelectField, TextField } from '../../../components/fields';

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
  const title = t('admin.organisations.title');
  useDocumentTitle(title);
  const headingId = useId();
  const captionId = useId();
  const [page, setPage] = useState(1);
  const organisations = useOrganisations(page);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const editedOrg = organisations.data?.items.find((org) => org.id === editing);

  return (
    <section aria-labelledby={headingId} className="admin-page">
      <h1 id={headingId} tabIndex={-1}>
        {title}
      </h1>
      <p role="status" className="status-message">
        {status}
      </p>
      {organisations.isError && (
        <p role="alert" className="error-message">
          {t('admin.loadFailed')}
        </p>
      )}
      {organisations.isPending && <p>{t('admin.loading')}</p>}
      {organisations.data && (
        <>
          <TableScroll captionId={captionId}>
            <table className="admin-table">
              <caption id={captionId}>{t('admin.organisations.caption', { total: organisations.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.organisations.name')}</th>
                  <th scope="col">{t('admin.organisations.kind')}</th>
                  <th scope="col">{t('admin.organisations.businessId')}</th>
                  <th scope="col">{t('admin.organisations.country')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.data.items.map((org) => (
                  <tr key={org.id}>
                    <th scope="row">{org.name}</th>
                    <td>{t(`organisationKinds.${org.kind}`)}</td>
                    <td>{org.businessId ?? '–'}</td>
                    <td>{org.country}</td>
                    <td>
                      <button
                        type="button"
                        aria-expanded={editing === org.id}
                        onClick={() => setEditing(editing === org.id ? null : org.id)}
                      >
                        {t('admin.organisations.edit', { name: org.name })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination page={page} pageSize={ADMIN_PAGE_SIZE} total={organisations.data.total} onPageChange={setPage} />
        </>
      )}
      {editedOrg && (
        <OrganisationForm
          key={`${editedOrg.id}:${editedOrg.version}`}
          title={t('admin.organisations.editTitle', { name: editedOrg.name })}
          initial={valuesOf(editedOrg)}
          submitLabel={t('admin.save')}
          error={update.isError ? update.error : null}
          pending={update.isPending}
          onSubmit={(values) =>
            update.mutate(
              {
                id: editedOrg.id,
                body: {
                  name: values.name.trim(),
                  kind: values.kind as OrganisationKind,
                  businessId: values.businessId.trim() || null,
                  country: values.country.trim().toUpperCase(),
                },
                version: editedOrg.version,
              },
              { onSuccess: (saved) => setStatus(t('admin.organisations.saved', { name: saved.name })) },
            )
          }
        />
      )}
      <OrganisationForm
        title={t('admin.organisations.createTitle')}
        initial={EMPTY}
        submitLabel={t('admin.organisations.create')}
        error={create.isError ? create.error : null}
        pending={create.isPending}
        resetOnSuccess
        onSubmit={(values, done) =>
          create.mutate(
            {
              name: values.name.trim(),
              kind: values.kind as OrganisationKind,
              businessId: values.businessId.trim() || null,
              country: values.country.trim().toUpperCase(),
            },
            {
              onSuccess: (saved) => {
                done();
                setStatus(t('admin.organisations.created', { name: saved.name }));
              },
            },
          )
        }
      />
    </section>
  );
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
  const [values, setValues] = useState(initial);
  const text = useProblemText();
  const problems = adminProblemsOf(error, FIELDS);
  const set = (name: Field) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

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
        <TextField
          label={t('admin.organisations.name')}
          value={values.name}
          onChange={set('name')}
          error={text(problems?.fields.name)}
        />
        <SelectField
          label={t('admin.organisations.kind')}
          value={values.kind}
          onChange={set('kind')}
          error={text(problems?.fields.kind)}
          choices={ORGANISATION_KINDS.map((kind) => [kind, t(`organisationKinds.${kind}`)] as const)}
        />
        <TextField
          label={t('admin.organisations.businessId')}
          hint={t('admin.organisations.businessIdHint')}
          value={values.businessId}
          onChange={set('businessId')}
          error={text(problems?.fields.businessId)}
        />
        <TextField
          label={t('admin.organisations.country')}
          hint={t('admin.organisations.countryHint')}
          value={values.country}
          onChange={set('country')}
          error={text(problems?.fields.country)}
          maxLength={2}
        />
        <div className="form-actions">
          <button type="submit" aria-disabled={pending}>
            {submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}
