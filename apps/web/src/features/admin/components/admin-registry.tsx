import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryView, StatusLine } from '../../../components/load-status';
import { Page } from '../../../components/page';
import { Pagination } from '../../../components/pagination';
import { DataTable } from '../../../components/data-table';
import { ADMIN_PAGE_SIZE } from '../api/admin';
import './admin.css';

interface Registered {
  id: string;
  version: number;
}

export interface AdminRegistryProps<T extends Registered> {
  title: string;
  /** The shown page of the records, and the way to another. */
  records: UseQueryResult<{ items: T[]; total: number }>;
  page: number;
  onPageChange: (page: number) => void;
  caption: (total: number) => string;
  /** Column headers: the first names the row (its cell is the row's header), the actions column comes last. */
  columns: string[];
  /** A row's cells in column order, the first being its name. */
  cells: (item: T) => ReactNode[];
  /** The label of a row's edit button (it opens and closes the row's editor). */
  editLabel: (item: T) => string;
  /** The id of the editor the button opens, when the editor has one (aria-controls). */
  editorId?: (item: T) => string;
  /** The editor of the row being edited; it starts anew when the record's version changes. */
  editor: (item: T, onStatus: (status: string) => void) => ReactNode;
  /** What follows the list (the form that adds one), given the page's status line. */
  children: (onStatus: (status: string) => void) => ReactNode;
}

/**
 * An admin registry page (users, organisations): its heading, a status line for what was saved,
 * the records a page at a time in a table (loading and failure said as on every page, QueryView),
 * each with a quiet edit button that opens its editor below the table, and what follows (the form that adds a record).
 */
export function AdminRegistryPage<T extends Registered>(props: AdminRegistryProps<T>) {
  const { title, records, page, onPageChange, caption, columns, cells, editLabel, editorId, editor, children } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const edited = records.data?.items.find((item) => item.id === editing);
  // Opening an editor takes the keyboard to its first field (it is below the whole table).
  const editorArea = useRef<HTMLDivElement>(null);
  const focusEditor = useRef(false);
  useEffect(() => {
    if (!focusEditor.current || !edited) return;
    focusEditor.current = false;
    editorArea.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [edited]);

  return (
    <Page title={title} className="admin-page">
      <StatusLine tone="success">{status}</StatusLine>
      <QueryView
        query={records}
        loading={t('admin.loading')}
        failure={t('admin.loadFailed')}
        retryLabel={t('admin.retry')}
        className="admin-records"
      >
        {(data) => (
          <>
            <DataTable
              caption={caption(data.total)}
              className="data-table admin-table"
              columns={[...columns, t('admin.actions')]}
              stickyHeader
            >
              <tbody>
                {data.items.map((item) => {
                  const [name, ...rest] = cells(item);
                  const open = editing === item.id;
                  return (
                    <tr key={item.id}>
                      <th scope="row">{name}</th>
                      {rest.map((cell, index) => (
                        <td key={index}>{cell}</td>
                      ))}
                      <td>
                        {/* A row's action is a quiet text-link-looking button (it opens the
                            editor below, so it is a button with aria-expanded), not a filled
                            button on every row. */}
                        <button
                          type="button"
                          className="row-action"
                          aria-expanded={open}
                          aria-controls={open && editorId ? editorId(item) : undefined}
                          onClick={() => {
                            setEditing(open ? null : item.id);
                            focusEditor.current = !open;
                          }}
                        >
                          {editLabel(item)}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
            <Pagination page={page} pageSize={ADMIN_PAGE_SIZE} total={data.total} onPageChange={onPageChange} />
          </>
        )}
      </QueryView>
      {edited && (
        <div ref={editorArea}>
          <Keyed key={`${edited.id}:${edited.version}`}>{editor(edited, setStatus)}</Keyed>
        </div>
      )}
      {children(setStatus)}
    </Page>
  );
}

/** Gives the editor a key: a new version of the record starts a new editor (its fields from the saved record). */
function Keyed({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
