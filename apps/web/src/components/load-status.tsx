import type { ReactNode } from 'react';

/**
 * A view's status line: always on the page (an empty live region), so that what is put in it
 * ("loading…", "12 projects found") is read out.
 */
export function StatusLine({ children }: { children?: ReactNode }) {
  return (
    <p role="status" className="status-message">
      {children}
    </p>
  );
}

/** Something failed to load or to be done: an alert saying so, with a button to try again where that may help. */
export function FailureAlert({
  message,
  actionLabel,
  onAction,
  children,
}: {
  message: ReactNode;
  actionLabel?: string;
  onAction?: () => void;
  /** More to say, under the message. */
  children?: ReactNode;
}) {
  return (
    <div role="alert" className="error-message">
      <p>{message}</p>
      {children}
      {onAction && (
        <button type="button" onClick={onAction}>
          {actionLabel}
        </button>
      )}
    </div>
  );
}
