import { useId, type ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/** A column of a data table: its header, whether it holds figures (right-aligned), and its sort order if sorted. */
export interface Column {
  label: ReactNode;
  numeric?: boolean;
  sort?: 'ascending' | 'descending';
}

/** The columns in order: a plain header, a Column, or false for a column not shown. */
export type Columns = ReadonlyArray<Column | string | false>;

/** Headers of figure columns (right-aligned). */
export function numeric(...labels: string[]): Column[] {
  return labels.map((label) => ({ label, numeric: true }));
}

/**
 * A data table: its caption (read as the table's name; `captionHidden` when a heading just above
 * says the same), a header row of column headers, and the body (`children`: tbody, tfoot). A wide
 * table scrolls inside its own focusable region, named by the caption (unless `scroll` is false);
 * a long one keeps its header row in view (`stickyHeader`).
 */
export function DataTable({
  caption,
  captionHidden = false,
  columns,
  className = 'data-table',
  busy,
  scroll = true,
  stickyHeader = false,
  children,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Columns;
  className?: string;
  /** The rows are the previous view's while the next one loads. */
  busy?: boolean;
  scroll?: boolean;
  /**
   * A long list: the region gets a height of its own (at most most of the screen) and the column
   * headers stay in view while its rows scroll (position: sticky on the header cells).
   */
  stickyHeader?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  const table = (
    <table className={className} aria-busy={busy || undefined}>
      <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
        {caption}
      </caption>
      <thead>
        <tr>
          {columns.map((column, index) => {
            if (column === false) return null;
            const { label, numeric: isNumeric, sort } = typeof column === 'string' ? { label: column } : column;
            return (
              <th scope="col" key={index} className={isNumeric ? 'num' : undefined} aria-sort={sort}>
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
      {children}
    </table>
  );
  return scroll ? (
    <TableScroll captionId={captionId} stickyHeader={stickyHeader}>
      {table}
    </TableScroll>
  ) : (
    table
  );
}
