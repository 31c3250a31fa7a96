import type { ReactNode } from 'react';

/**
 * A form's buttons in a row: the submit button first (when the form can be sent), then the others
 * (cancel, delete, a way back). While the form is busy the submit button says so with
 * aria-disabled rather than disabled, so keyboard focus is not lost from it.
 */
export function FormActions({
  submitLabel,
  pending,
  children,
}: {
  submitLabel?: string;
  pending: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="form-actions">
      {submitLabel !== undefined && (
        <button type="submit" aria-disabled={pending}>
          {submitLabel}
        </button>
      )}
      {children}
    </div>
  );
}
