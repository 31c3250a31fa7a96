import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import type { ProjectFormsState } from './record-form';

/**
 * Asks before the user leaves a form with unsaved changes: a confirm dialog for a move inside the
 * app (react-router's blocker), the browser's own question for a reload or a closed tab
 * (beforeunload). The way back after a save carries the save's notice in the router state, and
 * is never asked about.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      currentLocation.pathname !== nextLocation.pathname &&
      !(nextLocation.state as ProjectFormsState | null)?.projectFormSaved,
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

/**
 * The question as a modal alert dialog: focus starts on "keep editing" (the safe choice), Tab
 * stays inside, Escape keeps editing; the element that had focus gets it back on stay.
 */
function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const stayRef = useRef<HTMLButtonElement>(null);
  const leaveRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    stayRef.current?.focus();
    return () => previous?.focus?.();
  }, []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onStay();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      (document.activeElement === stayRef.current ? leaveRef : stayRef).current?.focus();
    }
  };
  return (
    <div className="project-forms__backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="project-forms__dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t('projectForms.leave.title')}</h2>
        <p id={bodyId}>{t('projectForms.leave.body')}</p>
        <div className="form-actions">
          <button type="button" ref={stayRef} onClick={onStay}>
            {t('projectForms.leave.stay')}
          </button>
          <button type="button" ref={leaveRef} className="button-secondary" onClick={onLeave}>
            {t('projectForms.leave.leave')}
          </button>
        </div>
      </div>
    </div>
  );
}
