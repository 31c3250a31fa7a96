import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable, numeric } from '../../../components/data-table';
import { SelectField } from '../../../components/fields';
import { QueryView } from '../../../components/load-status';
import { Page } from '../../../components/page';
import { Pagination } from '../../../components/pagination';
import { useAgreements } from '../../../lib/api/portfolio-choices';
import { useFormat } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { useRounds, type RoundListFilters } from '../api/rounds';
import { periodLabel } from '../lib/periods';
import { PROGRESS_KEYS } from './report-status';
import './rounds.css';

const PAGE_SIZE = 25;

/** The filters in the URL (?agreement=…&state=open|closed&page=2), so a view can be shared and reloaded. */
function useRoundsView() {
  const [search, setSearch] = useSearchParams();
  const agreementId = search.get('agreement') ?? undefined;
  const state = search.get('state');
  const page = Math.max(1, Number(search.get('page')) || 1);
  const filters: RoundListFilters = {
    page,
    pageSize: PAGE_SIZE,
    agreementId,
    open: state === 'open' ? true : state === 'closed' ? false : undefined,
  };
  const change = (next: { agreement?: string; state?: string; page?: number }) => {
    const params = new URLSearchParams();
    const merged = { agreement: agreementId, state: state ?? undefined, page: 1, ...next };
    if (merged.agreement) params.set('agreement', merged.agreement);
    if (merged.state) params.set('state', merged.state);
    if (merged.page > 1) params.set('page', String(merged.page));
    setSearch(params);
  };
  return { filters, agreementId, state: state ?? '', change };
}

/**
 * The reporting rounds of the agreements in the user's scope: period, due date, open or closed and
 * each round's progress (owed, draft, submitted, returned, approved, overdue). Those who manage
 * rounds open a new one from here.
 */
export function RoundsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const canManage = useCan('rounds:manage');
  const agreements = useAgreements();
  const view = useRoundsView();
  const rounds = useRounds(view.filters);
  return (
    <Page title={t('rounds.list.title')} className="rounds">
      <p>{t('rounds.list.intro')}</p>
      {canManage && (
        <p>
          <Link to="/rounds/new" className="button-link">
            {t('rounds.open.action')}
          </Link>
        </p>
      )}
      <form className="filters" aria-label={t('rounds.list.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('rounds.fields.agreement')}
          value={view.agreementId ?? ''}
          onChange={(e) => view.change({ agreement: e.target.value || undefined })}
          emptyChoice={t('rounds.list.allAgreements')}
          choices={agreements.data?.map((agreement) => [agreement.id, agreement.title] as const)}
        />
        <SelectField
          label={t('rounds.list.state')}
          value={view.state}
          onChange={(e) => view.change({ state: e.target.value || undefined })}
          emptyChoice={t('rounds.list.allStates')}
          choices={[
            ['open', t('rounds.state.open')],
            ['closed', t('rounds.state.closed')],
          ]}
        />
      </form>
      <QueryView
        query={rounds}
        loading={t('rounds.loading')}
        failure={t('rounds.list.error')}
        retryLabel={t('rounds.retry')}
        className="rounds__list"
      >
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('rounds.list.empty')}</p>
          ) : (
            <>
              <DataTable
                caption={t('rounds.list.caption', { total: data.total })}
                busy={rounds.isPlaceholderData}
                stickyHeader
                columns={[
                  t('rounds.fields.period'),
                  t('rounds.fields.agreement'),
                  t('rounds.fields.dueDate'),
                  t('rounds.list.state'),
                  ...numeric(...PROGRESS_KEYS.map((key) => t(`rounds.progress.${key}`)), t('rounds.progress.total')),
                ]}
              >
                <tbody>
                  {data.items.map((round) => (
                    <tr key={round.id}>
                      <th scope="row">
                        <Link to={`/rounds/${round.id}`}>
                          {t('rounds.roundName', { period: periodLabel(round.period) })}
                        </Link>
                      </th>
                      <td>{round.agreement.title}</td>
                      <td>{format.date(round.dueDate)}</td>
                      <td>{t(round.open ? 'rounds.state.open' : 'rounds.state.closed')}</td>
                      {PROGRESS_KEYS.map((key) => (
                        <td
                          key={key}
                          className={key === 'overdue' && round.progress.overdue > 0 ? 'num overdue' : 'num'}
                        >
                          {round.progress[key]}
                        </td>
                      ))}
                      <td className="num">{round.progress.total}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <Pagination
                page={view.filters.page ?? 1}
                pageSize={PAGE_SIZE}
                total={data.total}
                onPageChange={(page) => view.change({ page })}
              />
            </>
          )
        }
      </QueryView>
    </Page>
  );
}
