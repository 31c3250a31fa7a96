import { useTranslation } from 'react-i18next';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

/**
 * Previous / next paging with "page X of Y", shown only when there is more than one page.
 * The buttons use aria-disabled instead of disabled so that keyboard focus is not lost when
 * the first or last page is reached.
 */
export function Pagination({ page, pageSize, total, onPageChange }: PaginationProps) {
  const { t } = useTranslation();
  if (total <= pageSize) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hasPrevious = page > 1;
  const hasNext = page < pages;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        aria-disabled={!hasPrevious}
        onClick={() => {
          if (hasPrevious) onPageChange(page - 1);
        }}
      >
        {t('pagination.previous')}
      </button>
      <span className="pagination__position">{t('pagination.pageOf', { page, pages })}</span>
      <button
        type="button"
        aria-disabled={!hasNext}
        onClick={() => {
          if (hasNext) onPageChange(page + 1);
        }}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
