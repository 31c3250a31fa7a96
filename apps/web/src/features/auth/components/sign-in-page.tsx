import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/client';
import { useSignIn } from '../api/sign-in';
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
import { useFormValues } from '../../../lib/form-values';
import { FormActions } from '../../../components/form-actions';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Why the sign-in page is shown, when it follows a session: said under the heading. */
export type SignInNotice = 'signedOut' | 'sessionEnded';

function problemsOfFailedSignIn(error: unknown): FormProblems<Field> {
  const found = { fields: isValidationFailure(error) ? fieldProblemsOf(error, FIELDS).fields : {} };
  if (hasProblems(found)) return found;
  if (error instanceof ApiError && error.status === 401)
    return { fields: {}, form: [{ key: 'auth.problems.wrongCredentials' }] };
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return {
      fields: {},
      form: [
        wait === undefined
          ? { key: 'auth.problems.tooManyAttempts' }
          : { key: 'auth.problems.tooManyAttemptsWait', waitSeconds: wait },
      ],
    };
  }
  if (error instanceof ApiError && error.status === 503) {
    return { fields: {}, form: [{ key: 'auth.problems.serviceUnavailable' }] };
  }
  return { fields: {}, form: [{ key: 'auth.problems.signInFailed' }] };
}

/**
 * Sign-in with email and password. Empty fields are caught here; the API's answers are shown next
 * to the form (wrong credentials, too many attempts) or next to a field (its validation details).
 * On success the session query holds the user and the app shell shows the portfolio.
 */
export function SignInPage({ notice }: { notice?: SignInNotice | null }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const { values, bind } = useFormValues<Field>({ email: '', password: '' });
  const { email, password } = values;
  const [problems, setProblems] = useState<FormProblems<Field> | null>(null);
  const { alertId, fieldRef } = useProblemFocus(problems, FIELDS);
  const text = useProblemText();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const missing: FormProblems<Field> = { fields: {} };
    if (email.trim() === '') missing.fields.email = [{ key: 'auth.problems.emailRequired' }];
    if (password === '') missing.fields.password = [{ key: 'auth.problems.passwordRequired' }];
    if (hasProblems(missing)) {
      setProblems(missing);
      return;
    }
    setProblems(null);
    signIn.mutate(
      { email: email.trim(), password },
      { onError: (error) => setProblems(problemsOfFailedSignIn(error)) },
    );
  }

  const field = (name: Field) => ({
    ref: fieldRef(name),
    name,
    ...bind(name),
    error: text(problems?.fields[name]),
  });

  const status = signIn.isPending ? t('auth.signIn.submitting') : notice ? t(`auth.signIn.${notice}`) : '';

  return (
    <FormPage
      title={t('auth.signIn.title')}
      status={status}
      alertId={alertId}
      alert={text(problems?.form)}
      onSubmit={submit}
    >
      <TextField
        {...field('email')}
        label={t('auth.signIn.email')}
        type="email"
        autoComplete="username"
        spellCheck={false}
      />
      <TextField
        {...field('password')}
        label={t('auth.signIn.password')}
        type="password"
        autoComplete="current-password"
      />
      <FormActions submitLabel={t('auth.signIn.submit')} pending={signIn.isPending} />
    </FormPage>
  );
}
