import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert, StatusLine } from '../../../components/load-status';
import { Page } from '../../../components/page';
import { useMe } from '../../../lib/session';
import { useSetMailDigest } from '../api/set-mail-digest';
import './mail.css';

/**
 * The signed-in user's email settings: what Salkku emails them, and the one switch they have —
 * the weekly digest of what they owe. Notices about their own reports always arrive. The choice
 * is saved as soon as it changes, and the status line says so.
 */
export function EmailSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const save = useSetMailDigest();
  const [saved, setSaved] = useState<boolean | null>(null);
  const hintId = useId();
  const user = me.data?.user;
  if (!user) return null;
  const checked = save.isPending && save.variables !== undefined ? save.variables : user.mailDigest;
  const status = save.isPending
    ? t('mail.settings.saving')
    : saved === null
      ? ''
      : saved
        ? t('mail.settings.savedOn')
        : t('mail.settings.savedOff');
  return (
    <Page title={t('mail.settings.title')} className="mail-settings">
      <p>{t('mail.settings.intro')}</p>
      <p>{t('mail.settings.language', { language: t(`language.${user.language}`) })}</p>
      <div className="mail-settings__choice">
        <input
          type="checkbox"
          id={`${hintId}-digest`}
          checked={checked}
          aria-describedby={hintId}
          onChange={(event) => {
            if (save.isPending) return;
            const mailDigest = event.target.checked;
            setSaved(null);
            save.mutate(mailDigest, { onSuccess: (result) => setSaved(result.mailDigest) });
          }}
        />
        <div>
          <label htmlFor={`${hintId}-digest`}>{t('mail.settings.digest')}</label>
          <p id={hintId} className="mail-settings__hint">
            {t('mail.settings.digestHint')}
          </p>
        </div>
      </div>
      <StatusLine tone={save.isPending ? undefined : 'success'}>{status}</StatusLine>
      {save.isError && <FailureAlert message={t('mail.settings.saveFailed')} />}
    </Page>
  );
}
