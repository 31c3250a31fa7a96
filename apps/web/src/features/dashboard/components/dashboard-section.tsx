import { useId, type ReactNode } from 'react';

/**
 * A part of the dashboard: a region landmark named by its h2, with an `id` the headline's figures
 * link to (#dashboard-overdue, …). components/titled-section.tsx without the anchor.
 */
export function DashboardSection({
  id,
  title,
  className,
  children,
}: {
  id?: string;
  title: string;
  className: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className={className}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** The anchors of the dashboard's sections that the headline links to. */
export const SECTION_IDS = {
  funding: 'dashboard-funding',
  overdue: 'dashboard-overdue',
  indicators: 'dashboard-indicators',
} as const;

/** A card of the dashboard's grid; `wide` spans the grid's width. */
export function DashboardCard({
  id,
  title,
  wide,
  children,
}: {
  id?: string;
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <DashboardSection id={id} title={title} className={wide ? 'dashboard-card dashboard-card--wide' : 'dashboard-card'}>
      {children}
    </DashboardSection>
  );
}
