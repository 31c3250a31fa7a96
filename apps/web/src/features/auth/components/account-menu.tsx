import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '../../../lib/session';
import { useSignOut } from '../api/sign-out';

export interface AccountMenuProps {
  me: Me;
  onSignedOut: () => void;
}

/**
 * The header's account area: who is signed in, in what role and city, links to their email
 * notifications and to change the password (marked aria-current="page" on that page), sign out.
 */
export function AccountMenu({ me, onSignedOut }: AccountMenuProps) {
  const { t } = useTranslation();
  const signOut = useSignOut(onSignedOut);
  const { user } = me;
  return (
    <div className="account">
      <p className="account__user">
        <span className="visually-hidden">{t('auth.account.signedInAs')} </span>
        <span className="account__name">{user.displayName}</span>{' '}
        <span className="account__role">
          {t(`auth.roles.${user.role}`)}
          {user.organisation ? `, ${user.organisation.name}` : ''}
        </span>
      </p>
      <NavLink to="/email-settings" end className="account__link">
        {t('mail.settings.link')}
      </NavLink>
      <NavLink to="/password" end className="account__link">
        {t('auth.account.changePassword')}
      </NavLink>
      <button
        type="button"
        aria-disabled={signOut.isPending}
        onClick={() => {
          if (!signOut.isPending) signOut.mutate();
        }}
      >
        {t('auth.account.signOut')}
      </button>
      {signOut.isError && (
        <p role="alert" className="account__error">
          {t('auth.account.signOutFailed')}
        </p>
      )}
    </div>
  );
}
