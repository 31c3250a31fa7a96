import { useId, type ReactNode } from 'react';

/** A part of a page: a region landmark named by its h2 (a project page's section, a report's, a dashboard card). */
export function TitledSection({
  title,
  className,
  children,
}: {
  title: string;
  className: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
