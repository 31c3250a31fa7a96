import { MAX_PAGE_SIZE, ROLES, type Role } from '@salkku/shared';
import { useId, useState, type FormEvent } from 'react';
import { AdminRegistryPage } from './admin-registry';
import { useTranslation } from 'react-i18next';
import {
  useCreateUser,
  useOrganisations,
  useResetPassword,
  useUpdateUser,
  useUsers,
  type AdminUser,
  type Organisation,
} from '../api/admin';
import { adminProblemsOf } from './admin-problems';
import { useProblemText } from '../../../lib/form-problems';
import { SelectField, TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';
import { useFormValues } from '../../../lib/form-values';

const CREATE_FIELDS = ['email', 'displayName', 'role', 'organisationId', 'password'] as const;
type CreateField = (typeof CREATE_FIELDS)[number];
const EMPTY: Record<CreateField, string> = {
  email: '',
  displayName: '',
  role: 'coordinator',
  organisationId: '',
  password: '',
};

/** Admin: the users, with their role, organisation and state; create, change, deactivate, reset password. */
export function UsersPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const users = useUsers(page);
  const organisations = useOrganisations(1, MAX_PAGE_SIZE);
  const orgs = organisations.data?.items ?? [];
  return (
    <AdminRegistryPage
      title={t('admin.users.title')}
      records={users}
      page={page}
      onPageChange={setPage}
      caption={(total) => t('admin.users.caption', { total })}
      columns={[
        t('admin.users.name'),
        t('admin.users.email'),
        t('admin.users.role'),
        t('admin.users.organisation'),
        t('admin.users.state'),
      ]}
      cells={(user) => [
        user.displayName,
        user.email,
        t(`auth.roles.${user.role}`),
        user.organisation?.name ?? '–',
        user.active ? t('admin.users.active') : t('admin.users.inactive'),
      ]}
      editLabel={(user) => t('admin.users.edit', { name: user.displayName })}
      editorId={(user) => `edit-${user.id}`}
      editor={(user, onStatus) => <EditUser user={user} organisations={orgs} onStatus={onStatus} />}
    >
      {(onStatus) => (
        <CreateUser organisations={orgs} onCreated={(name) => onStatus(t('admin.users.created', { name }))} />
      )}
    </AdminRegistryPage>
  );
}

/** The organisations a user may belong to, by name. */
function organisationChoices(organisations: readonly Organisation[]) {
  return organisations.map((org) => [org.id, org.name] as const);
}

function CreateUser({
  organisations,
  onCreated,
}: {
  organisations: readonly Organisation[];
  onCreated: (name: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const create = useCreateUser();
  const { values, setValues, bind } = useFormValues(EMPTY);
  const text = useProblemText();
  const problems = adminProblemsOf(create.error, CREATE_FIELDS);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate(
      {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        role: values.role as Role,
        organisationId: values.organisationId || null,
        password: values.password,
      },
      {
        onSuccess: (user) => {
          setValues(EMPTY);
          onCreated(user.displayName);
        },
      },
    );
  }

  return (
    <section aria-labelledby={headingId} className="admin-form">
      <h2 id={headingId}>{t('admin.users.createTitle')}</h2>
      {problems && (
        <p role="alert" className="error-message">
          {text(problems.form)}
        </p>
      )}
      <form noValidate onSubmit={submit} aria-labelledby={headingId}>
        <TextField
          label={t('admin.users.email')}
          type="email"
          autoComplete="off"
          {...bind('email')}
          error={text(problems?.fields.email)}
        />
        <TextField
          label={t('admin.users.name')}
          autoComplete="off"
          {...bind('displayName')}
          error={text(problems?.fields.displayName)}
        />
        <SelectField
          label={t('admin.users.role')}
          {...bind('role')}
          error={text(problems?.fields.role)}
          choices={ROLES.map((role) => [role, t(`auth.roles.${role}`)] as const)}
        />
        <SelectField
          label={t('admin.users.organisation')}
          {...bind('organisationId')}
          error={text(problems?.fields.organisationId)}
          emptyChoice={t('admin.users.noOrganisation')}
          choices={organisationChoices(organisations)}
        />
        <TextField
          label={t('admin.users.password')}
          hint={t('admin.users.passwordHint')}
          type="password"
          autoComplete="new-password"
          {...bind('password')}
          error={text(problems?.fields.password)}
        />
        <FormActions submitLabel={t('admin.users.create')} pending={create.isPending} />
      </form>
    </section>
  );
}

const EDIT_FIELDS = ['role', 'organisationId', 'active', 'version'] as const;

function EditUser({
  user,
  organisations,
  onStatus,
}: {
  user: AdminUser;
  organisations: readonly Organisation[];
  onStatus: (status: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [role, setRole] = useState<Role>(user.role);
  const [organisationId, setOrganisationId] = useState(user.organisation?.id ?? '');
  const [password, setPassword] = useState('');
  const text = useProblemText();
  const problems = adminProblemsOf(update.error, EDIT_FIELDS);
  const resetProblems = adminProblemsOf(reset.error, ['password'] as const);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate(
      { id: user.id, body: { role, organisationId: organisationId || null }, version: user.version },
      { onSuccess: (saved) => onStatus(t('admin.users.saved', { name: saved.displayName })) },
    );
  }

  function toggleActive() {
    if (update.isPending) return;
    update.mutate(
      { id: user.id, body: { active: !user.active }, version: user.version },
      {
        onSuccess: (saved) =>
          onStatus(t(saved.active ? 'admin.users.activated' : 'admin.users.deactivated', { name: saved.displayName })),
      },
    );
  }

  function resetPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reset.isPending) return;
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          setPassword('');
          onStatus(t('admin.users.passwordReset', { name: user.displayName }));
        },
      },
    );
  }

  return (
    <section id={`edit-${user.id}`} aria-labelledby={headingId} className="admin-form">
      <h2 id={headingId}>{t('admin.users.editTitle', { name: user.displayName })}</h2>
      {problems && (
        <p role="alert" className="error-message">
          {text([...(problems.form ?? []), ...(problems.fields.active ?? [])])}
        </p>
      )}
      <form noValidate onSubmit={save} aria-labelledby={headingId}>
        <SelectField
          label={t('admin.users.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          error={text(problems?.fields.role)}
          choices={ROLES.map((r) => [r, t(`auth.roles.${r}`)] as const)}
        />
        <SelectField
          label={t('admin.users.organisation')}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
          error={text(problems?.fields.organisationId)}
          emptyChoice={t('admin.users.noOrganisation')}
          choices={organisationChoices(organisations)}
        />
        <FormActions submitLabel={t('admin.save')} pending={update.isPending}>
          <button type="button" aria-disabled={update.isPending} onClick={toggleActive}>
            {user.active ? t('admin.users.deactivate') : t('admin.users.activate')}
          </button>
        </FormActions>
      </form>
      <form noValidate onSubmit={resetPassword} aria-label={t('admin.users.resetTitle', { name: user.displayName })}>
        {resetProblems && !resetProblems.fields.password && (
          <p role="alert" className="error-message">
            {text(resetProblems.form)}
          </p>
        )}
        <TextField
          label={t('admin.users.newPassword')}
          hint={t('admin.users.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={text(resetProblems?.fields.password)}
        />
        <FormActions submitLabel={t('admin.users.resetPassword')} pending={reset.isPending} />
      </form>
    </section>
  );
}
