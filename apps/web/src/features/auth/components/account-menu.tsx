import { useTranslation } from 'react-i18next';
import type { Me } from '../api/get-me';
import { useSignOut } from '../api/sign-out';

export interface AccountMenuProps {
  me: Me;
  /** Whether the change-password page is the one shown (marked as the current page). */
  changingPassword: boolean;
  onChangePassword: () => void;
  onSignedOut: () => void;
}

/** The header's account area: who is signed in and in what role, change password, sign out. */
export function AccountMenu({ me, changingPassword, onChangePassword, onSignedOut }: AccountMenuProps) {
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
      <button type="button" aria-current={changingPassword ? 'page' : undefined} onClick={onChangePassword}>
        {t('auth.account.changePassword')}
      </button>
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
