import { MAX_REMINDER_DAYS_BEFORE } from '@salkku/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { DataTable } from '../../../components/data-table';
import { TextAreaField, TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';
import { FailureAlert, FormAlert, QueryView, StatusLine } from '../../../components/load-status';
import { Page } from '../../../components/page';
import { TitledSection } from '../../../components/titled-section';
import { ApiError } from '../../../lib/api/client';
import { useFormat } from '../../../lib/format';
import { fieldProblemsOf, useProblemFocus, useProblemText, type FormProblems } from '../../../lib/form-problems';
import { useCan } from '../../../lib/session';
import { useCloseRound, useRound, useRoundReports, useUpdateRound, type Round } from '../api/rounds';
import { formatMomentIn } from '../lib/format-time';
import { periodLabel } from '../lib/periods';
import { ProgressList, ReportStatus } from './report-status';
import './rounds.css';

/** What a page that led here says happened (router state), announced in the status line. */
export type RoundNotice = 'opened' | 'updated' | 'closed';

function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'STALE_VERSION' || error.status === 412);
}

/**
 * A reporting round: its facts and progress, the table of its period reports, and for those who
 * manage rounds (while it is open) the change of its due date, instructions and reminder days
 * and closing it, which freezes its report.
 */
export function RoundPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const round = useRound(roundId);
  const location = useLocation();
  const [notice, setNotice] = useState<RoundNotice | null>(
    (location.state as { roundNotice?: RoundNotice } | null)?.roundNotice ?? null,
  );
  const notFound = round.error instanceof ApiError && round.error.status === 404;
  const title = round.data
    ? t('rounds.round.title', { period: periodLabel(round.data.period), agreement: round.data.agreement.title })
    : t('rounds.round.loadingTitle');
  return (
    <Page
      title={title}
      className="round-page"
      before={<Breadcrumbs items={[{ label: t('rounds.nav'), to: '/rounds' }, { label: title }]} />}
    >
      <StatusLine tone="success">{notice ? t(`rounds.round.notice.${notice}`) : ''}</StatusLine>
      <QueryView
        query={round}
        loading={t('rounds.loading')}
        failure={notFound ? t('rounds.round.notFound') : t('rounds.round.error')}
        retryLabel={t('rounds.retry')}
        canRetry={!notFound}
        className="round-page__content"
      >
        {(data) => <RoundContent round={data} onNotice={setNotice} />}
      </QueryView>
    </Page>
  );
}

function RoundContent({ round, onNotice }: { round: Round; onNotice: (notice: RoundNotice) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canManage = useCan('rounds:manage');
  return (
    <>
      <dl className="round-facts">
        <dt>{t('rounds.fields.agreement')}</dt>
        <dd>{round.agreement.title}</dd>
        <dt>{t('rounds.fields.period')}</dt>
        <dd>{periodLabel(round.period)}</dd>
        <dt>{t('rounds.fields.dueDate')}</dt>
        <dd>{format.date(round.dueDate)}</dd>
        <dt>{t('rounds.list.state')}</dt>
        <dd>{t(round.open ? 'rounds.state.open' : 'rounds.state.closed')}</dd>
        <dt>{t('rounds.round.reminder')}</dt>
        <dd>{t('rounds.round.reminderValue', { count: round.reminderDaysBefore })}</dd>
        <dt>{t('rounds.round.openedBy')}</dt>
        <dd>
          {t('rounds.round.byAt', { name: round.openedBy.name, at: formatMomentIn(round.createdAt, format.language) })}
        </dd>
        {round.closedBy && (
          <>
            <dt>{t('rounds.round.closedBy')}</dt>
            <dd>
              {t('rounds.round.byAt', {
                name: round.closedBy.name,
                at: formatMomentIn(round.closedAt, format.language),
              })}
            </dd>
          </>
        )}
        <dt>{t('rounds.fields.instructions')}</dt>
        <dd className="round-instructions">{round.instructions ?? t('rounds.round.noInstructions')}</dd>
      </dl>
      {round.frozen && (
        <p>
          <Link to={`/rounds/${round.id}/frozen`}>{t('rounds.round.frozenLink')}</Link>
        </p>
      )}
      <TitledSection title={t('rounds.round.progress')} className="round-page__progress">
        <ProgressList progress={round.progress} />
      </TitledSection>
      <RoundReports round={round} />
      {canManage && round.open && (
        <>
          <EditRound round={round} onSaved={() => onNotice('updated')} />
          <CloseRound round={round} onClosed={() => onNotice('closed')} />
        </>
      )}
    </>
  );
}

function RoundReports({ round }: { round: Round }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reports = useRoundReports(round.id);
  const step = (value: { at: string; by: string } | null) =>
    value ? t('rounds.round.byAt', { name: value.by, at: formatMomentIn(value.at, format.language) }) : '–';
  return (
    <TitledSection title={t('rounds.round.reports')} className="round-page__reports">
      <QueryView
        query={reports}
        loading={t('rounds.loading')}
        failure={t('rounds.round.reportsError')}
        retryLabel={t('rounds.retry')}
        className="round-page__reports-table"
      >
        {(items) =>
          items.length === 0 ? (
            <p>{t('rounds.round.noReports')}</p>
          ) : (
            <DataTable
              caption={t('rounds.round.reports')}
              captionHidden
              stickyHeader
              columns={[
                t('rounds.round.columns.project'),
                t('rounds.round.columns.status'),
                t('rounds.round.columns.submitted'),
                t('rounds.round.columns.approved'),
              ]}
            >
              <tbody>
                {items.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <Link to={`/rounds/${round.id}/reports/${report.id}`}>
                        {report.project.code} {report.project.name}
                      </Link>
                    </th>
                    <td>
                      <ReportStatus status={report.status} overdue={report.overdue} />
                    </td>
                    <td>{step(report.submitted)}</td>
                    <td>{step(report.approved)}</td>
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

const EDIT_FIELDS = ['dueDate', 'reminderDaysBefore', 'instructions'] as const;
type EditField = (typeof EDIT_FIELDS)[number];

/** The round's due date, reminder days and instructions, saved on the version read (If-Match). */
function EditRound({ round, onSaved }: { round: Round; onSaved: () => void }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const updating = useUpdateRound();
  const [editing, setEditing] = useState(false);
  const initial = () => ({
    dueDate: round.dueDate,
    reminderDaysBefore: String(round.reminderDaysBefore),
    instructions: round.instructions ?? '',
  });
  const [values, setValues] = useState<Record<EditField, string>>(initial);
  const [version, setVersion] = useState(round.version);
  const [problems, setProblems] = useState<FormProblems<EditField> | null>(null);
  const [stale, setStale] = useState(false);
  const { alertId, fieldRef } = useProblemFocus(problems, EDIT_FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updating.isPending) return;
    const found: FormProblems<EditField> = { fields: {} };
    if (!values.dueDate) found.fields.dueDate = [{ key: 'rounds.problems.required' }];
    const days = /^\d{1,3}$/.test(values.reminderDaysBefore.trim()) ? Number(values.reminderDaysBefore) : NaN;
    if (!(days >= 0 && days <= MAX_REMINDER_DAYS_BEFORE)) {
      found.fields.reminderDaysBefore = [
        { key: 'rounds.problems.reminderDays', values: { max: MAX_REMINDER_DAYS_BEFORE } },
      ];
    }
    if (Object.keys(found.fields).length > 0) {
      setProblems(found);
      return;
    }
    setStale(false);
    try {
      const saved = await updating.mutateAsync({
        id: round.id,
        version,
        body: {
          dueDate: values.dueDate,
          reminderDaysBefore: days,
          instructions: values.instructions.trim() === '' ? null : values.instructions.trim(),
        },
      });
      setProblems(null);
      setVersion(saved.version);
      setEditing(false);
      onSaved();
    } catch (error) {
      if (isStale(error)) {
        setProblems(null);
        setStale(true);
        return;
      }
      const { fields, other } = fieldProblemsOf(error, EDIT_FIELDS);
      const nothingNamed = Object.keys(fields).length === 0 && other.length === 0;
      setProblems({ fields, form: nothingNamed ? [{ error }] : other.length > 0 ? other : undefined });
    }
  }

  return (
    <TitledSection title={t('rounds.round.edit.title')} className="rounds-panel">
      {!editing ? (
        <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
          {t('rounds.round.edit.action')}
        </button>
      ) : (
        <>
          {stale && (
            <FailureAlert
              message={t('rounds.round.edit.stale')}
              actionLabel={t('rounds.round.edit.reload')}
              onAction={() => {
                // The round on the page is the latest (the query refetches after every write and on a conflict).
                setValues(initial());
                setVersion(round.version);
                setStale(false);
              }}
            />
          )}
          {problems?.form && <FormAlert id={alertId}>{text(problems.form)}</FormAlert>}
          <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('rounds.round.edit.title')}>
            <TextField
              label={t('rounds.fields.dueDate')}
              type="date"
              value={values.dueDate}
              ref={fieldRef('dueDate')}
              error={text(problems?.fields.dueDate)}
              onChange={(e) => setValues({ ...values, dueDate: e.target.value })}
            />
            <TextField
              label={t('rounds.fields.reminderDaysBefore')}
              hint={t('rounds.fields.reminderHint', { max: MAX_REMINDER_DAYS_BEFORE })}
              inputMode="numeric"
              value={values.reminderDaysBefore}
              ref={fieldRef('reminderDaysBefore')}
              error={text(problems?.fields.reminderDaysBefore)}
              onChange={(e) => setValues({ ...values, reminderDaysBefore: e.target.value })}
            />
            <TextAreaField
              label={t('rounds.fields.instructions')}
              hint={t('rounds.fields.instructionsHint')}
              rows={4}
              value={values.instructions}
              ref={fieldRef('instructions')}
              error={text(problems?.fields.instructions)}
              onChange={(e) => setValues({ ...values, instructions: e.target.value })}
            />
            <FormActions submitLabel={t('rounds.round.edit.submit')} pending={updating.isPending}>
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setEditing(false);
                  setProblems(null);
                  setStale(false);
                  setValues(initial());
                }}
              >
                {t('rounds.cancel')}
              </button>
            </FormActions>
          </form>
        </>
      )}
    </TitledSection>
  );
}

/** Closing: what it does, a confirmation, and the choice to close although reports are not approved. */
function CloseRound({ round, onClosed }: { round: Round; onClosed: () => void }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const closing = useCloseRound();
  const [confirming, setConfirming] = useState(false);
  const [acceptMissing, setAcceptMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const outstanding = round.progress.total - round.progress.approved;
  const alertId = 'close-round-alert';

  async function close() {
    if (closing.isPending) return;
    setFailure(null);
    try {
      await closing.mutateAsync({ id: round.id, version: round.version, acceptMissing });
      setConfirming(false);
      onClosed();
    } catch (error) {
      setFailure(error);
      document.getElementById(alertId)?.focus();
    }
  }

  return (
    <TitledSection title={t('rounds.round.close.title')} className="rounds-panel">
      <p>{t('rounds.round.close.explain')}</p>
      {!confirming ? (
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {t('rounds.round.close.action')}
        </button>
      ) : (
        <div role="group" aria-label={t('rounds.round.close.confirmLabel')}>
          <p>
            <strong>
              {outstanding > 0
                ? t('rounds.round.close.outstanding', { count: outstanding })
                : t('rounds.round.close.allApproved')}
            </strong>
          </p>
          {outstanding > 0 && (
            <label className="choice">
              <input type="checkbox" checked={acceptMissing} onChange={(e) => setAcceptMissing(e.target.checked)} />
              {t('rounds.round.close.acceptMissing')}
            </label>
          )}
          {failure !== null && (
            <FormAlert id={alertId}>
              {isStale(failure) ? t('rounds.round.edit.stale') : text([{ error: failure }])}
            </FormAlert>
          )}
          <div className="form-actions">
            <button type="button" aria-disabled={closing.isPending} onClick={() => void close()}>
              {closing.isPending ? t('rounds.saving') : t('rounds.round.close.confirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('rounds.cancel')}
            </button>
          </div>
        </div>
      )}
    </TitledSection>
  );
}
