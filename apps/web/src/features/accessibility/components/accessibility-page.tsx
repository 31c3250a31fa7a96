import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api/client';
import { fieldProblemsOf, useProblemText } from '../../../lib/form-problems';
import { useFormat } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCan } from '../../../lib/session';
import { useAccessibilitySettings, useUpdateAccessibilitySettings, type AccessibilitySettings } from '../api/settings';
import { TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';
import { StatusLine } from '../../../components/load-status';
import { useFormValues } from '../../../lib/form-values';

/** Statement sections (keys under accessibility.statement), in order. */
const LIMITATIONS = ['charts', 'pdf', 'timeouts'] as const;

/**
 * The accessibility statement (saavutettavuusseloste) the Act on the Provision of Digital
 * Services (306/2019) requires, with the feedback contact an admin configures. Readable without
 * signing in; admins can edit the contact here.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const title = t('accessibility.title');
  useDocumentTitle(title);
  const headingId = useId();
  const settings = useAccessibilitySettings();
  // The public shell has loaded the session (if any); useCan only reads it.
  const canEdit = useCan('users:manage');
  const contact = settings.data;

  return (
    <article aria-labelledby={headingId} className="accessibility-page">
      <h1 id={headingId} tabIndex={-1}>
        {title}
      </h1>
      <p>{t('accessibility.intro')}</p>

      <h2>{t('accessibility.status.title')}</h2>
      <p>{t('accessibility.status.text')}</p>

      <h2>{t('accessibility.limitations.title')}</h2>
      <ul>
        {LIMITATIONS.map((key) => (
          <li key={key}>{t(`accessibility.limitations.${key}`)}</li>
        ))}
      </ul>

      <h2>{t('accessibility.preparation.title')}</h2>
      <p>{t('accessibility.preparation.text')}</p>

      <h2>{t('accessibility.feedback.title')}</h2>
      <p>{t('accessibility.feedback.text')}</p>
      {settings.isPending && <p role="status">{t('accessibility.feedback.loading')}</p>}
      {settings.isError && (
        <p role="alert" className="error-message">
          {t('accessibility.feedback.loadFailed')}
        </p>
      )}
      {contact && <Contact contact={contact} />}
      {contact && (
        <p className="accessibility-page__updated">
          {t('accessibility.feedback.updated', { date: format.date(contact.updatedAt.slice(0, 10)) })}
        </p>
      )}

      <h2>{t('accessibility.enforcement.title')}</h2>
      <p>{t('accessibility.enforcement.text')}</p>
      <p>
        <a href="https://www.saavutettavuusvaatimukset.fi" lang="fi">
          www.saavutettavuusvaatimukset.fi
        </a>
        <br />
        {t('accessibility.enforcement.email')}{' '}
        <a href="mailto:saavutettavuus@traficom.fi">saavutettavuus@traficom.fi</a>
      </p>

      {canEdit && contact && <EditContact key={contact.version} contact={contact} />}
    </article>
  );
}

function Contact({ contact }: { contact: AccessibilitySettings }) {
  const { t } = useTranslation();
  if (!contact.email && !contact.organisationName) {
    return <p>{t('accessibility.feedback.notConfigured')}</p>;
  }
  return (
    <dl className="accessibility-page__contact">
      {contact.organisationName && (
        <>
          <dt>{t('accessibility.feedback.organisation')}</dt>
          <dd>{contact.organisationName}</dd>
        </>
      )}
      {contact.email && (
        <>
          <dt>{t('accessibility.feedback.email')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </dd>
        </>
      )}
      {contact.phone && (
        <>
          <dt>{t('accessibility.feedback.phone')}</dt>
          <dd>
            <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
          </dd>
        </>
      )}
    </dl>
  );
}

const FIELDS = ['organisationName', 'email', 'phone'] as const;
type Field = (typeof FIELDS)[number];

function EditContact({ contact }: { contact: AccessibilitySettings }) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateAccessibilitySettings();
  const [saved, setSaved] = useState(false);
  const { values, bind } = useFormValues<Field>(
    { email: contact.email ?? '', phone: contact.phone ?? '', organisationName: contact.organisationName ?? '' },
    () => setSaved(false),
  );
  const text = useProblemText();
  // What the API said about each field, in the active language (lib/form-problems.ts).
  const problems = update.isError ? fieldProblemsOf(update.error, FIELDS).fields : {};
  const fieldError = (field: Field) => text(problems[field]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate(
      {
        body: {
          email: values.email.trim(),
          phone: values.phone.trim() || null,
          organisationName: values.organisationName.trim(),
        },
        version: contact.version,
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <section aria-labelledby={headingId} className="admin-form">
      <h2 id={headingId}>{t('accessibility.edit.title')}</h2>
      <StatusLine tone={saved && !update.isPending ? 'success' : undefined}>
        {update.isPending ? t('accessibility.edit.saving') : saved ? t('accessibility.edit.saved') : ''}
      </StatusLine>
      {update.isError && (
        <p role="alert" className="error-message">
          {update.error instanceof ApiError && update.error.code === 'STALE_VERSION'
            ? t('accessibility.edit.stale')
            : t('accessibility.edit.failed')}
        </p>
      )}
      <form noValidate onSubmit={submit} aria-labelledby={headingId}>
        <TextField
          label={t('accessibility.feedback.organisation')}
          {...bind('organisationName')}
          error={fieldError('organisationName')}
        />
        <TextField
          label={t('accessibility.feedback.email')}
          type="email"
          {...bind('email')}
          error={fieldError('email')}
        />
        <TextField
          label={t('accessibility.feedback.phone')}
          hint={t('accessibility.edit.phoneHint')}
          type="tel"
          {...bind('phone')}
          error={fieldError('phone')}
        />
        <FormActions submitLabel={t('accessibility.edit.save')} pending={update.isPending} />
      </form>
    </section>
  );
}
