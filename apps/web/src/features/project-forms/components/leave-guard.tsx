import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './confirm-dialog';
import { savedNoticeOf } from '../../../lib/project-form-routes';

/**
 * Asks before the user leaves a form with unsaved changes: a confirm dialog for a move inside the
 * app (react-router's blocker), the browser's own question for a reload or a closed tab
 * (beforeunload). The way back after a save carries the save's notice in the router state, and
 * is never asked about.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname && !savedNoticeOf(nextLocation.state),
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  if (blocker.state !== 'blocked') return null;
  return <LeaveDialog onStay={() => blocker.reset()} onLeave={() => blocker.proceed()} />;
}

/** The question, with "keep editing" as the safe choice that has focus first. */
function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('projectForms.leave.title')}
      body={t('projectForms.leave.body')}
      cancelLabel={t('projectForms.leave.stay')}
      confirmLabel={t('projectForms.leave.leave')}
      onCancel={onStay}
      onConfirm={onLeave}
    />
  );
}
