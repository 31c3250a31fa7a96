import { useTranslation } from 'react-i18next';
import type { PeriodReportStatus, RoundProgress } from '../api/rounds';

/** A period report's status in words, with the overdue flag in words too (never colour alone). */
export function ReportStatus({ status, overdue }: { status: PeriodReportStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`report-status report-status--${status}`}>
      {t(`rounds.status.${status}`)}
      {overdue && (
        <>
          {' '}
          <strong className="overdue">{t('rounds.overdue')}</strong>
        </>
      )}
    </span>
  );
}

/** The progress counts of a round, in the order of the workflow. */
export const PROGRESS_KEYS = ['owed', 'draft', 'submitted', 'returned', 'approved', 'overdue'] as const;

/** A round's progress as a short list ("Owed 2 · Draft 1 · … · Overdue 1"), for cards and summaries. */
export function ProgressList({ progress }: { progress: RoundProgress }) {
  const { t } = useTranslation();
  return (
    <dl className="round-progress">
      {PROGRESS_KEYS.map((key) => (
        <div key={key} className={key === 'overdue' && progress.overdue > 0 ? 'round-progress__overdue' : undefined}>
          <dt>{t(`rounds.progress.${key}`)}</dt>
          <dd>{progress[key]}</dd>
        </div>
      ))}
      <div>
        <dt>{t('rounds.progress.total')}</dt>
        <dd>{progress.total}</dd>
      </div>
    </dl>
  );
}
