import type { FormEvent, ReactNode } from 'react';
import { FormAlert, StatusLine } from './load-status';
import { Page } from './page';

/**
 * A page that is one form, named by the page's heading: what stands above the heading (`before`)
 * and under it (`intro`), the status line, notices, the form's alert (`alert`, focusable as
 * `alertId`: focus goes there after a failed submit without a field to point at), the form
 * itself, and what follows it (`after`: dialogs, guards).
 */
export function FormPage({
  title,
  className = 'form-page',
  before,
  intro,
  status,
  statusTone,
  notices,
  alertId,
  alert,
  onSubmit,
  children,
  after,
}: {
  title: string;
  className?: string;
  before?: ReactNode;
  intro?: ReactNode;
  status: string;
  /** "success" when the status says the form was saved: shown as a marked box (StatusLine). */
  statusTone?: 'success';
  notices?: ReactNode;
  alertId: string;
  /** The form's own problem, in words; no alert when undefined. */
  alert: string | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <Page title={title} className={className} before={before}>
      {(headingId) => (
        <>
          {intro}
          <StatusLine tone={statusTone}>{status}</StatusLine>
          {notices}
          {alert !== undefined && <FormAlert id={alertId}>{alert}</FormAlert>}
          <form noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
            {children}
          </form>
          {after}
        </>
      )}
    </Page>
  );
}
