import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * A view's status line: always on the page (an empty live region), so that what is put in it
 * ("loading…", "12 projects found") is read out. With `tone="success"` (a record saved, a
 * setting changed) a message in it is also shown as a clearly marked box: dark text on light
 * green with a green bar and a tick, not a grey line that is easy to miss.
 */
export function StatusLine({ children, tone }: { children?: ReactNode; tone?: 'success' }) {
  const hasMessage = children !== undefined && children !== null && children !== '' && children !== false;
  return (
    <p
      role="status"
      className={tone === 'success' && hasMessage ? 'status-message status-message--success' : 'status-message'}
    >
      {children}
    </p>
  );
}

/** A list or a view with nothing in it: one sentence in a light panel, saying so (and what to do, if anything). */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
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
 * previous figures stand in for the next ones (placeholder data). Until the first data comes, an
 * empty panel holds its place (`.query-view__placeholder`, at least
 * --query-view-placeholder-height high, 10rem unless a page sets it), so what follows the view
 * does not jump down when the data arrives.
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
      {query.isLoading && <div className="query-view__placeholder" aria-hidden="true" />}
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
