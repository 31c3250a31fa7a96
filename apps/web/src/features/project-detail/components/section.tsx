import { useId, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FailureAlert, StatusLine } from '../../../components/load-status';

/** The project page's sections in page order, each with the fragment the in-page navigation links to. */
export const PROJECT_SECTION_IDS = {
  summary: 'perustiedot',
  funding: 'rahoitus',
  milestones: 'virstanpylvaat',
  indicators: 'indikaattorit',
  statusReports: 'tilanneraportit',
  partners: 'toteuttajat',
  participants: 'osallistujat',
  history: 'muutoshistoria',
} as const;

/**
 * A part of the project page: a region landmark named by its h2, with the id the in-page
 * navigation links to (tabIndex -1 so that following the link also moves focus there).
 */
export function Section({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      id={id}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={className ? `project-section ${className}` : 'project-section'}
    >
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

/** A section that lists what one query loads: its items, or a line saying there are none. */
export function ListSection<T>({
  id,
  title,
  query,
  empty,
  children,
}: {
  id: string;
  title: string;
  query: UseQueryResult<T[]>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <Section id={id} title={title}>
      <QueryContent query={query}>{(items) => (items.length === 0 ? <p>{empty}</p> : children(items))}</QueryContent>
    </Section>
  );
}
