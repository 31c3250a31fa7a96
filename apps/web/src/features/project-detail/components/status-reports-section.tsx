import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HealthLabel } from '../../../components/health-label';
import { useFormat } from '../../../lib/format';
import type { StatusReport } from '../api/get-project-records';
import { PROJECT_SECTION_IDS, ListSection } from './section';

/** The status reports, newest first: health over time with the situation, risks and next steps. */
export function StatusReportsSection({ reports }: { reports: UseQueryResult<StatusReport[]> }) {
  const { t } = useTranslation();
  return (
    <ListSection
      id={PROJECT_SECTION_IDS.statusReports}
      title={t('projectPage.statusReports.title')}
      query={reports}
      empty={t('projectPage.statusReports.empty')}
    >
      {(items) => <StatusReportTimeline items={items} />}
    </ListSection>
  );
}

function StatusReportTimeline({ items }: { items: StatusReport[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className="timeline">
      {items.map((report) => (
        <li key={report.id} className={`timeline__item timeline__item--${report.health}`}>
          <h3 className="timeline__title">
            <time dateTime={report.reportingDate}>
              {t('projectPage.statusReports.heading', { date: format.date(report.reportingDate) })}
            </time>
          </h3>
          <dl className="facts facts--compact">
            <div>
              <dt>{t('projectPage.statusReports.health')}</dt>
              <dd>
                <HealthLabel health={report.health} />
              </dd>
            </div>
            <div>
              <dt>{t('projectPage.statusReports.lifecycleStatus')}</dt>
              <dd>{t(`lifecycle.${report.lifecycleStatus}`)}</dd>
            </div>
            <div>
              <dt>{t('projectPage.statusReports.author')}</dt>
              <dd>{report.author}</dd>
            </div>
          </dl>
          <dl className="report-text">
            <dt>{t('projectPage.statusReports.summary')}</dt>
            <dd className="prose">{report.summary}</dd>
            {report.risks && (
              <>
                <dt>{t('projectPage.statusReports.risks')}</dt>
                <dd className="prose">{report.risks}</dd>
              </>
            )}
            {report.nextSteps && (
              <>
                <dt>{t('projectPage.statusReports.nextSteps')}</dt>
                <dd className="prose">{report.nextSteps}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
