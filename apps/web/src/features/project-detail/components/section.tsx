import type { ReactNode } from 'react';
import { TitledSection } from '../../../components/titled-section';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FailureAlert, StatusLine } from '../../../components/load-status';

/** A part of the project page: a region landmark named by its h2. */
export function Section({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <TitledSection title={title} className={className ? `project-section ${className}` : 'project-section'}>
      {children}
    </TitledSection>
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

/** A section that lists what one query loads: its items, or a line saying there are none. */
export function ListSection<T>({
  title,
  query,
  empty,
  children,
}: {
  title: string;
  query: UseQueryResult<T[]>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <Section title={title}>
      <QueryContent query={query}>{(items) => (items.length === 0 ? <p>{empty}</p> : children(items))}</QueryContent>
    </Section>
  );
}
