import type { UseQueryResult } from '@tanstack/react-query';
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

/**
 * What a page shows of its main query: "loading" in the status line while it fetches, a failure
 * (with a retry unless `canRetry` is false), and the data once there, marked busy while the
 * previous figures stand in for the next ones (placeholder data).
 */
export function QueryView<T>({
  query,
  loading,
  failure,
  retryLabel,
  canRetry = true,
  className,
  children,
}: {
  query: UseQueryResult<T>;
  loading: string;
  failure: string;
  retryLabel: string;
  canRetry?: boolean;
  /** The class of the box around the data. */
  className: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      <StatusLine>{query.isFetching ? loading : ''}</StatusLine>
      {query.isError && (
        <FailureAlert
          message={failure}
          actionLabel={retryLabel}
          onAction={canRetry ? () => void query.refetch() : undefined}
        />
      )}
      {query.data !== undefined && !query.isError && (
        <div className={className} aria-busy={query.isPlaceholderData || undefined}>
          {children(query.data)}
        </div>
      )}
    </>
  );
}

/**
 * A form's alert about the whole form (a refused sign-in, a rule the save broke): focusable
 * (tabIndex -1) so that focus can move to it after a failed submit (lib/form-problems.ts).
 */
export function FormAlert({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div role="alert" className="error-message" tabIndex={-1} id={id}>
      <p>{children}</p>
    </div>
  );
}
