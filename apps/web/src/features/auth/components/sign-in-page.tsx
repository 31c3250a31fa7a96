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
import { FormAlert, StatusLine } from '../../../components/load-status';
import { Page } from '../../../components/page';
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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
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

  const status = signIn.isPending ? t('auth.signIn.submitting') : notice ? t(`auth.signIn.${notice}`) : '';

  return (
    <Page title={t('auth.signIn.title')} className="form-page">
      {(headingId) => (
        <>
          <StatusLine>{status}</StatusLine>
          {problems?.form && <FormAlert id={alertId}>{text(problems.form)}</FormAlert>}
          <form noValidate onSubmit={submit} aria-labelledby={headingId}>
            <TextField
              ref={fieldRef('email')}
              label={t('auth.signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={text(problems?.fields.email)}
            />
            <TextField
              ref={fieldRef('password')}
              label={t('auth.signIn.password')}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={text(problems?.fields.password)}
            />
            <FormActions submitLabel={t('auth.signIn.submit')} pending={signIn.isPending} />
          </form>
        </>
      )}
    </Page>
  );
}
