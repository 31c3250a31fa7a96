import type { ReactNode } from 'react';
import './table-scroll.css';

/**
 * A table's own scrolling region: a table wider than the screen scrolls here, not the page. The
 * region is named by the table's caption and takes focus, so a keyboard can scroll it (WCAG 2.1.1;
 * axe `scrollable-region-focusable`). With `stickyHeader` it also scrolls up and down within a
 * height of its own, with the header row staying in view (sticky cells need their scrolling box to
 * be this region: a sideways-scrolling box cannot let its header stick to the page instead).
 */
export function TableScroll({
  captionId,
  stickyHeader = false,
  children,
}: {
  captionId: string;
  stickyHeader?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={stickyHeader ? 'table-scroll table-scroll--sticky' : 'table-scroll'}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
