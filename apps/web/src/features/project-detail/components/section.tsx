import { useId, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FailureAlert, StatusLine } from '../../../components/load-status';

/** A part of the project page: a region landmark named by its h2. */
export function Section({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className ? `project-section ${className}` : 'project-section'}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * What one query of a section has to say: "loading" in a status region (always present, so the
 * change is announced) while it loads or while a previous page stands in for the next, an alert
 * with a retry when it failed, and the content once it is there.
 */
export function QueryContent<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <StatusLine>{query.isPending || query.isPlaceholderData ? t('projectPage.sectionLoading') : ''}</StatusLine>
      {query.isError && (
        <FailureAlert
          message={t('projectPage.sectionError')}
          actionLabel={t('projectPage.retry')}
          onAction={() => void query.refetch()}
        />
      )}
      {query.data !== undefined && children(query.data)}
    </>
  );
}
