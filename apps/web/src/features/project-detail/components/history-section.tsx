import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HealthLabel } from '../../../components/health-label';
import { Pagination } from '../../../components/pagination';
import { formatDateTimeIn, useFormat } from '../../../lib/format';
import type { ProjectHistoryItem, ProjectHistoryPage } from '../api/get-project-history';
import { entityLabel, fieldLabel, historyValue } from './history-values';
import { PROJECT_SECTION_IDS, QueryContent, Section } from './section';

export interface HistorySectionProps {
  history: UseQueryResult<ProjectHistoryPage>;
  onPageChange: (page: number) => void;
  /** Whether the history is shown (it is collapsed at first, and loaded only once opened). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Who changed what and when (old → new), with the status reports, newest first, a page at a time.
 * Collapsed at first behind a disclosure button: the history is for looking something up, not
 * what the page is read for.
 */
export function HistorySection({ history, onPageChange, open, onOpenChange }: HistorySectionProps) {
  const { t } = useTranslation();
  const panelId = useId();
  return (
    <Section id={PROJECT_SECTION_IDS.history} title={t('projectPage.history.title')}>
      <button
        type="button"
        className="button-secondary disclosure-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => onOpenChange(!open)}
      >
        <span className="disclosure-button__chevron" aria-hidden="true" />
        {open ? t('projectPage.historyToggle.hide') : t('projectPage.historyToggle.show')}
      </button>
      <div id={panelId} hidden={!open}>
        {open && <HistoryContent history={history} onPageChange={onPageChange} />}
      </div>
    </Section>
  );
}

function HistoryContent({ history, onPageChange }: Pick<HistorySectionProps, 'history' | 'onPageChange'>) {
  const { t } = useTranslation();
  return (
    <QueryContent query={history}>
      {(page) =>
        page.items.length === 0 ? (
          <p>{t('projectPage.history.empty')}</p>
        ) : (
          <>
            <ol className="history" aria-label={t('projectPage.history.list')}>
              {page.items.map((item) => (
                <HistoryEntry key={`${item.kind}:${item.id}`} item={item} />
              ))}
            </ol>
            <Pagination page={page.page} pageSize={page.pageSize} total={page.total} onPageChange={onPageChange} />
          </>
        )
      }
    </QueryContent>
  );
}

function HistoryEntry({ item }: { item: ProjectHistoryItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title =
    item.kind === 'status_report'
      ? t('projectPage.history.statusReport', { date: format.date(item.reportingDate) })
      : t('projectPage.history.event', {
          entity: entityLabel(item.entityType, t),
          action: item.action ? t(`projectPage.history.actions.${item.action}`) : '',
        });
  return (
    <li className="history__item">
      <p className="history__title">
        <strong>{title}</strong>
        {item.kind === 'status_report' && item.health && <HealthLabel health={item.health} />}
      </p>
      <p className="secondary">
        <time dateTime={item.occurredAt}>{formatDateTimeIn(item.occurredAt, format.language)}</time>
        {' · '}
        {t('projectPage.history.by', { name: item.actorName })}
      </p>
      {item.kind === 'audit' && item.changes && <Changes item={item} changes={item.changes} />}
    </li>
  );
}

function Changes({ item, changes }: { item: ProjectHistoryItem; changes: NonNullable<ProjectHistoryItem['changes']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = Object.entries(changes);
  if (fields.length === 0) return null;
  const value = (field: string, v: (typeof changes)[string]['old']) =>
    historyValue(field, v, item.entityType, item.references, t, format);
  return (
    <dl className="changes">
      {fields.map(([field, change]) => (
        <div key={field}>
          <dt>{fieldLabel(field, t)}</dt>
          <dd>
            {/* A creation has only new values and a deletion only old ones; an update says both. */}
            {item.action === 'create' ? (
              value(field, change.new)
            ) : item.action === 'delete' ? (
              value(field, change.old)
            ) : (
              <>
                <span className="changes__old">{value(field, change.old)}</span> <span aria-hidden="true">→</span>{' '}
                <span className="visually-hidden">{t('projectPage.history.changedTo')}</span>{' '}
                <span className="changes__new">{value(field, change.new)}</span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
