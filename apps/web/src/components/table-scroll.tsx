import type { ReactNode } from 'react';

/**
 * A table's own scrolling region: a table wider than the screen scrolls here, not the page. The
 * region is named by the table's caption and takes focus, so a keyboard can scroll it (WCAG 2.1.1;
 * axe `scrollable-region-focusable`).
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
