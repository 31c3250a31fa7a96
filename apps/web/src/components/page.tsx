import { useId, type ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * A page of the app: a region named by its h1, which also names the browser tab. The h1 takes
 * focus when the view changes (tabIndex -1, lib/focus.ts). `before` stands above the heading
 * (breadcrumbs, a way back); `children` may be a function of the heading's id, for a form the
 * heading names.
 */
export function Page({
  title,
  className,
  before,
  children,
}: {
  title: string;
  className?: string;
  before?: ReactNode;
  children: ReactNode | ((headingId: string) => ReactNode);
}) {
  useDocumentTitle(title);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className}>
      {before}
      <h1 id={headingId} tabIndex={-1}>
        {title}
      </h1>
      {typeof children === 'function' ? children(headingId) : children}
    </section>
  );
}
