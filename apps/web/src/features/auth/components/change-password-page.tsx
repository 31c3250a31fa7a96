import { MIN_PASSWORD_LENGTH } from '@salkku/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChangePassword } from '../api/change-password';
import {
  fieldProblemsOf,
  hasProblems,
  isValidationFailure,
  useProblemFocus,
  useProblemText,
  type FormProblems,
} from '../../../lib/form-problems';
import { TextField } from '../../../components/fields';
import { FormPage } from '../../../components/form-page';
import { FormActions } from '../../../components/form-actions';
import { useFormValues } from '../../../lib/form-values';

const FIELDS = ['currentPassword', 'newPassword', 'repeatPassword'] as const;
type Field = (typeof FIELDS)[number];

const EMPTY = { currentPassword: '', newPassword: '', repeatPassword: '' } satisfies Record<Field, string>;

function checkHere(values: Record<Field, string>): FormProblems<Field> {
  const problems: FormProblems<Field> = { fields: {} };
  if (values.currentPassword === '') problems.fields.currentPassword = [{ key: 'auth.problems.currentRequired' }];
  if (values.newPassword === '') problems.fields.newPassword = [{ key: 'auth.problems.newRequired' }];
  else if ([...values.newPassword].length < MIN_PASSWORD_LENGTH) {
    problems.fields.newPassword = [{ key: 'auth.problems.tooShort', values: { min: MIN_PASSWORD_LENGTH } }];
  }
  if (values.repeatPassword === '') problems.fields.repeatPassword = [{ key: 'auth.problems.repeatRequired' }];
  else if (values.newPassword !== '' && values.repeatPassword !== values.newPassword) {
    problems.fields.repeatPassword = [{ key: 'auth.problems.mismatch' }];
  }
  return problems;
}

/**
 * Change your own password: the current one, the new one twice. Missing values, a short password
 * and a repeat that does not match are caught here; the API's verdicts (wrong current password,
 * a common password) are shown next to their fields. Success is announced in the status line.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const { values, setValues, bind } = useFormValues<Field>(EMPTY);
  const [problems, setProblems] = useState<FormProblems<Field> | null>(null);
  const [changed, setChanged] = useState(false);
  const { alertId, fieldRef } = useProblemFocus(problems, FIELDS);
  const text = useProblemText();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    setChanged(false);
    const found = checkHere(values);
    if (hasProblems(found)) {
      setProblems(found);
      return;
    }
    setProblems(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(EMPTY);
          setChanged(true);
        },
        onError: (error) => {
          const found = { fields: isValidationFailure(error) ? fieldProblemsOf(error, FIELDS).fields : {} };
          setProblems(hasProblems(found) ? found : { fields: {}, form: [{ key: 'auth.problems.changeFailed' }] });
        },
      },
    );
  }

  const field = (name: Field) => ({
    ref: fieldRef(name),
    name,
    type: 'password',
    ...bind(name),
    error: text(problems?.fields[name]),
  });

  const status = change.isPending
    ? t('auth.changePassword.submitting')
    : changed
      ? t('auth.changePassword.success')
      : '';

  return (
    <FormPage
      title={t('auth.changePassword.title')}
      status={status}
      statusTone={changed && !change.isPending ? 'success' : undefined}
      alertId={alertId}
      alert={text(problems?.form)}
      onSubmit={submit}
    >
      <TextField
        {...field('currentPassword')}
        label={t('auth.changePassword.current')}
        autoComplete="current-password"
      />
      <TextField
        {...field('newPassword')}
        label={t('auth.changePassword.new')}
        hint={t('auth.changePassword.newHint', { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
      />
      <TextField {...field('repeatPassword')} label={t('auth.changePassword.repeat')} autoComplete="new-password" />
      <FormActions submitLabel={t('auth.changePassword.submit')} pending={change.isPending}>
        <Link to="/projects" className="button-link">
          {t('auth.changePassword.back')}
        </Link>
      </FormActions>
    </FormPage>
  );
}
