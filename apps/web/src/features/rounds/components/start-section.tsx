import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { QueryView } from '../../../components/load-status';
import { TitledSection } from '../../../components/titled-section';
import { useFormat } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { useMyReports, useOpenRounds } from '../api/rounds';
import { periodLabel } from '../lib/periods';
import { ProgressList, ReportStatus } from './report-status';
import './rounds.css';

/**
 * The reporting rounds on the start page: for those who fill reports in (`portfolio:write`), what
 * their city owes and by when, the overdue ones flagged; for everyone, each open round's progress.
 * Part of the start page's first chunk, so it stays small; the rounds' own pages load on demand.
 */
export function RoundsStartSection() {
  const canWrite = useCan('portfolio:write');
  return (
    <div className="rounds-start">
      {canWrite && <OwedReports />}
      <OpenRounds />
    </div>
  );
}

function OwedReports() {
  const { t } = useTranslation();
  const format = useFormat();
  const mine = useMyReports();
  return (
    <TitledSection
      title={t('rounds.start.owedTitle')}
      className="dashboard-card dashboard-card--wide rounds-start__owed"
    >
      <QueryView
        query={mine}
        loading={t('rounds.loading')}
        failure={t('rounds.start.owedError')}
        retryLabel={t('rounds.retry')}
        className="rounds-start__owed-list"
      >
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('rounds.start.nothingOwed')}</p>
          ) : (
            <DataTable
              caption={t('rounds.start.owedCaption', { total: page.total })}
              captionHidden
              columns={[
                t('rounds.round.columns.project'),
                t('rounds.fields.period'),
                t('rounds.fields.dueDate'),
                t('rounds.round.columns.status'),
              ]}
            >
              <tbody>
                {page.items.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <Link to={`/rounds/${report.round.id}/reports/${report.id}`}>
                        {report.project.code} {report.project.name}
                      </Link>
                    </th>
                    <td>
                      {periodLabel(report.round.period)}
                      <span className="secondary">{report.round.agreementTitle}</span>
                    </td>
                    <td>{format.date(report.round.dueDate)}</td>
                    <td>
                      <ReportStatus status={report.status} overdue={report.overdue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )
        }
      </QueryView>
    </TitledSection>
  );
}

function OpenRounds() {
  const { t } = useTranslation();
  const format = useFormat();
  const rounds = useOpenRounds();
  if (rounds.data && rounds.data.items.length === 0) return null;
  return (
    <TitledSection
      title={t('rounds.start.openTitle')}
      className="dashboard-card dashboard-card--wide rounds-start__open"
    >
      <QueryView
        query={rounds}
        loading={t('rounds.loading')}
        failure={t('rounds.list.error')}
        retryLabel={t('rounds.retry')}
        className="rounds-start__open-list"
      >
        {(page) => (
          <ul className="dashboard-list">
            {page.items.map((round) => (
              <li key={round.id}>
                <Link to={`/rounds/${round.id}`}>
                  {t('rounds.roundName', { period: periodLabel(round.period) })}: {round.agreement.title}
                </Link>{' '}
                <span className="secondary">{t('rounds.start.due', { date: format.date(round.dueDate) })}</span>
                <ProgressList progress={round.progress} />
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </TitledSection>
  );
}
