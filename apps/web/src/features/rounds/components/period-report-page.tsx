import { EDITABLE_PERIOD_REPORT_STATUSES, periodBounds } from '@salkku/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { FormAlert, QueryView, StatusLine } from '../../../components/load-status';
import { HealthLabel } from '../../../components/health-label';
import { Page } from '../../../components/page';
import { TextAreaField } from '../../../components/fields';
import { TitledSection } from '../../../components/titled-section';
import { ApiError } from '../../../lib/api/client';
import { useFormat } from '../../../lib/format';
import { useProblemText, type FormProblem } from '../../../lib/form-problems';
import { useCan, useMe } from '../../../lib/session';
import { periodReportQueryOptions, usePeriodReport, useReportStep, type PeriodReport } from '../api/rounds';
import { formatMomentIn } from '../lib/format-time';
import { periodLabel } from '../lib/periods';
import { PeriodReportForm, type ReportNotice } from './period-report-form';
import { ReportStatus } from './report-status';
import './rounds.css';

/**
 * A project's period report: the one form of the whole steering-group update while the city may
 * still edit it (owed, draft, returned, in an open round), else the report as sent; its steps
 * (submitted, returned, approved: by whom and when), the reviewer's comment when it came back,
 * and for reviewers the approve and return buttons — never on their own submission.
 */
export function PeriodReportPage() {
  const { roundId = '', reportId = '' } = useParams();
  const { t } = useTranslation();
  const report = usePeriodReport(reportId);
  const [notice, setNotice] = useState<ReportNotice | null>(null);
  const notFound = report.error instanceof ApiError && report.error.status === 404;
  const data = report.data;
  const title = data
    ? t('rounds.report.title', { project: `${data.project.code} ${data.project.name}` })
    : t('rounds.report.loadingTitle');
  const roundLabel = data ? t('rounds.roundName', { period: periodLabel(data.round.period) }) : '…';
  return (
    <Page
      title={title}
      className="period-report"
      before={
        <Breadcrumbs
          items={[
            { label: t('rounds.nav'), to: '/rounds' },
            { label: roundLabel, to: `/rounds/${roundId}` },
            { label: data ? `${data.project.code}` : '…' },
          ]}
        />
      }
    >
      <StatusLine tone="success">{notice ? t(`rounds.report.notice.${notice}`) : ''}</StatusLine>
      <QueryView
        query={report}
        loading={t('rounds.loading')}
        failure={notFound ? t('rounds.report.notFound') : t('rounds.report.error')}
        retryLabel={t('rounds.retry')}
        canRetry={!notFound}
        className="period-report__content"
      >
        {(loaded) => <ReportContent report={loaded} onNotice={setNotice} />}
      </QueryView>
    </Page>
  );
}

function ReportContent({ report, onNotice }: { report: PeriodReport; onNotice: (notice: ReportNotice) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('portfolio:write');
  const editable = canWrite && report.round.open && EDITABLE_PERIOD_REPORT_STATUSES.includes(report.status);
  const { from, to } = periodBounds(report.round.period);
  const step = (value: { at: string; by: string } | null) =>
    value ? t('rounds.round.byAt', { name: value.by, at: formatMomentIn(value.at, format.language) }) : null;
  return (
    <>
      <dl className="round-facts">
        <dt>{t('rounds.round.columns.project')}</dt>
        <dd>
          <Link to={`/projects/${report.project.id}`}>
            {report.project.code} {report.project.name}
          </Link>
        </dd>
        <dt>{t('rounds.fields.agreement')}</dt>
        <dd>{report.round.agreementTitle}</dd>
        <dt>{t('rounds.fields.period')}</dt>
        <dd>
          {t('rounds.report.periodValue', {
            period: periodLabel(report.round.period),
            from: format.date(from),
            to: format.date(to),
          })}
        </dd>
        <dt>{t('rounds.fields.dueDate')}</dt>
        <dd>{format.date(report.round.dueDate)}</dd>
        <dt>{t('rounds.round.columns.status')}</dt>
        <dd>
          <ReportStatus status={report.status} overdue={report.overdue} />
        </dd>
        {report.submitted && (
          <>
            <dt>{t('rounds.report.submittedBy')}</dt>
            <dd>{step(report.submitted)}</dd>
          </>
        )}
        {report.returned && (
          <>
            <dt>{t('rounds.report.returnedBy')}</dt>
            <dd>{step(report.returned)}</dd>
          </>
        )}
        {report.approved && (
          <>
            <dt>{t('rounds.report.approvedBy')}</dt>
            <dd>{step(report.approved)}</dd>
          </>
        )}
      </dl>
      {report.returnComment && (
        <section className="return-comment" aria-labelledby="return-comment-heading">
          <h2 id="return-comment-heading">
            {report.status === 'returned' ? t('rounds.report.returnComment') : t('rounds.report.earlierReturnComment')}
          </h2>
          <p className="period-report__text">{report.returnComment}</p>
        </section>
      )}
      {editable ? (
        <PeriodReportForm key={report.id} report={report} onNotice={onNotice} />
      ) : (
        <>
          <p className="period-report__why">{t(readOnlyReason(report, canWrite))}</p>
          <ReportReadOnly report={report} />
        </>
      )}
      <ReviewPanel report={report} onNotice={onNotice} />
    </>
  );
}

/** Why the report is shown read-only to this user. */
function readOnlyReason(report: PeriodReport, canWrite: boolean) {
  if (!report.round.open) return 'rounds.report.readOnly.closed' as const;
  if (report.status === 'submitted') return 'rounds.report.readOnly.submitted' as const;
  if (report.status === 'approved') return 'rounds.report.readOnly.approved' as const;
  if (!canWrite) return 'rounds.report.readOnly.noPermission' as const;
  return 'rounds.report.readOnly.submitted' as const;
}

/** The report as sent: its narrative and the stage it gave. */
export function ReportReadOnly({ report }: { report: PeriodReport }) {
  const { t } = useTranslation();
  const none = t('rounds.report.empty');
  const text = (value: string | null) => <dd className="period-report__text">{value ?? none}</dd>;
  return (
    <TitledSection title={t('rounds.report.contents')} className="period-report__read">
      <dl className="round-facts">
        <dt>{t('rounds.report.fields.health')}</dt>
        <dd>{report.health ? <HealthLabel health={report.health} /> : none}</dd>
        <dt>{t('rounds.report.fields.healthReasons')}</dt>
        {text(report.healthReasons)}
        <dt>{t('rounds.report.fields.achievements')}</dt>
        {text(report.achievements)}
        <dt>{t('rounds.report.fields.risks')}</dt>
        {text(report.risks)}
        <dt>{t('rounds.report.fields.nextSteps')}</dt>
        {text(report.nextSteps)}
        <dt>{t('rounds.report.fields.lifecycleStatus')}</dt>
        <dd>{report.lifecycleStatus ? t(`lifecycle.${report.lifecycleStatus}`) : none}</dd>
      </dl>
    </TitledSection>
  );
}

/**
 * Approve or return with a comment, for those with `reports:review` on a submitted report of an
 * open round. Nobody reviews their own submission: the buttons are left out and the reason said.
 */
function ReviewPanel({ report, onNotice }: { report: PeriodReport; onNotice: (notice: ReportNotice) => void }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const queryClient = useQueryClient();
  const canReview = useCan('reports:review');
  const me = useMe().data;
  const stepping = useReportStep();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<FormProblem[] | null>(null);
  const [commentProblem, setCommentProblem] = useState<FormProblem[] | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  if (!canReview || !report.round.open) return null;
  if (report.status !== 'submitted') {
    return (
      <TitledSection title={t('rounds.report.review.title')} className="rounds-panel">
        <p>{t('rounds.report.review.notSubmitted')}</p>
      </TitledSection>
    );
  }
  // Nobody reviews their own submission (the API refuses it too): the buttons are left out.
  const own = me !== null && me !== undefined && report.submitted?.byId === me.user.id;
  if (own) {
    return (
      <TitledSection title={t('rounds.report.review.title')} className="rounds-panel">
        <p>{t('rounds.report.review.own')}</p>
      </TitledSection>
    );
  }

  async function run(step: 'approve' | 'return') {
    if (stepping.isPending) return;
    setProblem(null);
    setCommentProblem(null);
    if (step === 'return' && comment.trim() === '') {
      setCommentProblem([{ key: 'rounds.problems.returnComment' }]);
      commentRef.current?.focus();
      return;
    }
    try {
      await stepping.mutateAsync({ id: report.id, step, version: report.version, comment: comment.trim() });
      setComment('');
      onNotice(step === 'approve' ? 'approved' : 'returned');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        setProblem([{ key: 'rounds.report.review.stale' }]);
        await queryClient.invalidateQueries({ queryKey: periodReportQueryOptions(report.id).queryKey });
      } else {
        setProblem([{ error }]);
      }
      document.getElementById('review-alert')?.focus();
    }
  }

  return (
    <TitledSection title={t('rounds.report.review.title')} className="rounds-panel">
      <p>{t('rounds.report.review.intro')}</p>
      {problem && <FormAlert id="review-alert">{text(problem)}</FormAlert>}
      <div className="form-actions">
        <button type="button" aria-disabled={stepping.isPending} onClick={() => void run('approve')}>
          {t('rounds.report.review.approve')}
        </button>
      </div>
      <TextAreaField
        ref={commentRef}
        label={t('rounds.report.review.comment')}
        hint={t('rounds.report.review.commentHint')}
        rows={4}
        value={comment}
        error={text(commentProblem ?? undefined)}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button-secondary"
          aria-disabled={stepping.isPending}
          onClick={() => void run('return')}
        >
          {t('rounds.report.review.return')}
        </button>
      </div>
    </TitledSection>
  );
}
