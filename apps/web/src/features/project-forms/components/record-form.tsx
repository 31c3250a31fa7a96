import { useMutation } from '@tanstack/react-query';
import type { ParseKeys } from 'i18next';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api/client';
import type { ProblemWording } from '../../../lib/field-problems';
import {
  fieldProblemsOf,
  isValidationFailure,
  useProblemFocus,
  useProblemText,
  type FormProblem,
  type FormProblems,
} from '../../../lib/form-problems';
import { FormPage } from '../../../components/form-page';
import { FailureAlert, StatusLine } from '../../../components/load-status';
import { FormActions } from '../../../components/form-actions';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { useProjectRecord } from '../api/records';
import { parseIndicatorInput, parseYearInput } from '../../../lib/indicator-input';
import { parseMoneyInput } from '../../../lib/money-input';
import { ConfirmDialog } from './confirm-dialog';
import { LeaveGuard } from './leave-guard';
import './project-forms.css';
import { useCan } from '../../../lib/session';
import type { ProjectFormsState, SavedNotice } from '../../../lib/project-form-routes';

export type Values<F extends string> = Record<F, string>;
/** The records an edit form can delete; each has its button, question and notice (`deleteText`). */
export type DeletableRecord = 'decision' | 'payment' | 'milestone' | 'participant';

/** The delete button's and the question's words: projectForms.delete.<record>, the participant register's under participants. */
function deleteText(record: DeletableRecord): { button: ParseKeys; question: ParseKeys } {
  if (record === 'participant')
    return { button: 'participants.delete.button', question: 'participants.delete.question' };
  return { button: `projectForms.delete.${record}.button`, question: `projectForms.delete.${record}.question` };
}

export interface RecordFormOptions<F extends string, R = unknown> {
  /** The project the form belongs to: Cancel and a save go back to its page (unless told otherwise). */
  projectId: string;
  fields: readonly F[];
  /** Fields that come and go with the values typed (a target's yearly values between its years). */
  moreFields?: (values: Values<F>) => readonly F[];
  initial: Values<F>;
  version?: number;
  required?: readonly F[];
  money?: readonly F[];
  /** Percentages ("20", "12,5 %") sent as "12.50", like money. */
  percent?: readonly F[];
  /** Indicator values ("1 234,5", at most 4 decimals) sent as exact decimals ("1234.5"): the fields, or a test of a field. */
  decimal?: readonly F[] | ((field: F) => boolean);
  /** Years, four digits ("2029"). */
  years?: readonly F[];
  saved: SavedNotice;
  /** The form's own words for some of the API's problems of a field (a duplicate period: "already reported"). */
  wording?: Partial<Record<F, ProblemWording>>;
  /** Where Cancel leads; the project's page unless given (a new project has no page yet). */
  backTo?: string;
  /** Where a save leads, from what the API answered (a new project's page); the project's page unless given. */
  savedTo?: (result: R) => string;
  /** Sends the values (money already as "1234.50", empty as null) with the version read. */
  save: (values: Record<F, string | null>, version: number | undefined) => Promise<R>;
  /** Loads the record again after a version conflict: its values as the form shows them, and its version. */
  reload?: () => Promise<{ values: Values<F>; version: number }>;
  /** Deletes the record an edit form shows, with the version read (If-Match); absent in create forms. */
  remove?: {
    record: DeletableRecord;
    send: (version: number | undefined) => Promise<unknown>;
    /** What to say when the API refuses with 409 IN_USE (other records still depend on this one). */
    inUse?: ParseKeys;
  };
}

const CONFLICT_MESSAGES: Partial<Record<string, ParseKeys>> = {
  PAID_EXCEEDS_GRANTED: 'projectForms.problems.paidExceedsGranted',
  ILLEGAL_TRANSITION: 'projectForms.problems.illegalTransition',
};

/**
 * The state and rules every form here shares: values as typed, client checks (required, money),
 * the server's field messages, version conflicts, the leave guard and the way back after saving.
 */
export function useRecordForm<F extends string, R = unknown>(options: RecordFormOptions<F, R>) {
  const {
    projectId,
    fields: baseFields,
    moreFields,
    initial,
    required = [],
    money = [],
    percent = [],
    decimal = [],
    years = [],
    saved,
    save,
    reload,
    remove,
  } = options;
  const backTo = options.backTo ?? `/projects/${projectId}`;
  const navigate = useNavigate();
  // Portfolio writes: the app's MutationCache refetches every view they can change (dashboard,
  // reports, lists, the project page and its history) before mutateAsync resolves.
  const saving = useMutation({
    mutationFn: ({ body, version: read }: { body: Record<F, string | null>; version: number | undefined }) =>
      save(body, read),
  });
  const deleting = useMutation({
    mutationFn: (read: number | undefined) => (remove ? remove.send(read) : Promise.resolve(undefined)),
  });
  const [values, setValues] = useState<Values<F>>(initial);
  const extraFields = moreFields?.(values) ?? [];
  const extraKey = extraFields.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the same fields while the extra ones stay the same
  const fields = useMemo(() => [...baseFields, ...extraFields], [baseFields, extraKey]);
  const [opened] = useState<Values<F>>(initial);
  const [base, setBase] = useState<Values<F>>(initial);
  const [version, setVersion] = useState(options.version);
  const [problems, setProblems] = useState<FormProblems<F> | null>(null);
  const [pending, setPending] = useState<'saving' | 'deleting' | false>(false);
  const [stale, setStale] = useState<'conflict' | 'reloading' | 'failed' | { changed: F[] } | null>(null);
  // Focus follows a failed save: the first field with a problem, else the form's alert.
  const { alertId, fieldRef, focusField } = useProblemFocus(problems, fields);
  const dirty = fields.some((field) => (values[field] ?? '') !== (opened[field] ?? ''));

  // A link may ask for one field to be focused (?focus=amountGranted: "record the amount granted").
  const [search] = useSearchParams();
  const focusParam = search.get('focus');
  useEffect(() => {
    const field = fields.find((name) => name === focusParam);
    if (field) focusField(field);
  }, [focusParam, fields, focusField]);

  function check(): { problems: FormProblems<F> | null; body: Record<F, string | null> } {
    const found: FormProblems<F> = { fields: {} };
    const body = {} as Record<F, string | null>;
    for (const field of fields) {
      // A field the form adds while open (a target's yearly values) is empty until typed in.
      const raw = (values[field] ?? '').trim();
      if (raw === '' && required.includes(field)) found.fields[field] = [{ key: 'projectForms.problems.required' }];
      if (money.includes(field)) {
        const amount = parseMoneyInput(raw);
        if (amount === undefined) found.fields[field] = [{ key: 'projectForms.problems.money' }];
        body[field] = amount ?? null;
      } else if (percent.includes(field)) {
        // Same exact decimal form as money ("12,5" → "12.50"); the API checks the 0–100 range.
        const rate = parseMoneyInput(raw.replace(/\s*%$/, ''));
        if (rate === undefined) found.fields[field] = [{ key: 'projectForms.problems.percent' }];
        body[field] = rate ?? null;
      } else if (typeof decimal === 'function' ? decimal(field) : decimal.includes(field)) {
        const value = parseIndicatorInput(raw);
        if (value === undefined) found.fields[field] = [{ key: 'indicatorForms.problems.value' }];
        body[field] = value ?? null;
      } else if (years.includes(field)) {
        if (parseYearInput(raw) === undefined) found.fields[field] = [{ key: 'indicatorForms.problems.year' }];
        body[field] = raw === '' ? null : raw;
      } else {
        body[field] = raw === '' ? null : raw;
      }
    }
    return { problems: Object.keys(found.fields).length > 0 ? found : null, body };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const { problems: found, body } = check();
    if (found) {
      setProblems(found);
      return;
    }
    setProblems(null);
    setPending('saving');
    try {
      const result = await saving.mutateAsync({ body, version });
      const state: ProjectFormsState = { projectFormSaved: saved };
      await navigate(options.savedTo ? options.savedTo(result) : `/projects/${projectId}`, { state });
    } catch (error) {
      // The API answers a stale version with 409 STALE_VERSION; a proxy or a later API may use 412.
      if (error instanceof ApiError && (error.code === 'STALE_VERSION' || error.status === 412)) {
        setStale('conflict');
        setProblems(null);
      } else {
        setProblems(problemsOf(error, fields, options.wording));
      }
    } finally {
      setPending(false);
    }
  }

  /** Deletes the record (asked first by the page), then goes back to the project's page and says so. */
  async function removeRecord() {
    if (!remove || pending) return;
    setProblems(null);
    setPending('deleting');
    try {
      await deleting.mutateAsync(version);
      // The notice in the router state also tells the leave guard not to ask about unsaved changes.
      const state: ProjectFormsState = { projectFormSaved: `${remove.record}Deleted` };
      await navigate(`/projects/${projectId}`, { state });
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'STALE_VERSION' || error.status === 412)) {
        setStale('conflict');
      } else if (error instanceof ApiError && error.code === 'IN_USE' && remove.inUse) {
        setProblems({ fields: {}, form: [{ key: remove.inUse }] });
      } else {
        setProblems({ fields: {}, form: [{ error }] });
      }
    } finally {
      setPending(false);
    }
  }

  async function reloadLatest() {
    if (!reload) return;
    setStale('reloading');
    try {
      const latest = await reload();
      const changed = fields.filter((field) => latest.values[field] !== base[field]);
      setBase(latest.values);
      setVersion(latest.version);
      setStale({ changed });
    } catch {
      setStale('failed');
    }
  }

  return {
    values,
    setValue: (field: F, value: string) => setValues((current) => ({ ...current, [field]: value })),
    fieldRef,
    problems,
    pending,
    dirty,
    stale,
    submit,
    reloadLatest,
    removable: remove?.record,
    removeRecord,
    alertId,
    projectId,
    backTo,
  };
}

/**
 * The problems of a refused save: each field problem the API names (a 400, or a rule's 409 such as
 * "payments would exceed the amount granted", which names the amount field) goes next to its field;
 * a rule's own message and problems of fields the form does not have go in the form's alert.
 */
function problemsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  wording: Partial<Record<F, ProblemWording>> = {},
): FormProblems<F> {
  const known = error instanceof ApiError && error.code ? CONFLICT_MESSAGES[error.code] : undefined;
  if (error instanceof ApiError && (error.details || error.problems)) {
    const found = fieldProblemsOf(error, fields, wording);
    const result: FormProblems<F> = { fields: found.fields };
    const form: FormProblem[] = known ? [{ key: known }] : found.other;
    if (form.length > 0) result.form = form;
    if (isValidationFailure(error) || Object.keys(result.fields).length > 0) return result;
  }
  if (known) return { fields: {}, form: [{ key: known }] };
  // A rule's reason (its problem code on a field the form does not have), the error code, or the status.
  return { fields: {}, form: [{ error }] };
}

export type RecordForm<F extends string> = ReturnType<typeof useRecordForm<F>>;

/**
 * The page around a form: its heading, the status line, the alerts (a whole-form problem, a version
 * conflict with "load the latest version"), the fields, Save and Cancel, and the leave guard.
 */
export function RecordFormPage<F extends string>({
  title,
  form,
  fieldLabels,
  intro,
  children,
  canSave = true,
}: {
  title: string;
  form: RecordForm<F>;
  fieldLabels: Partial<Record<F, string>>;
  intro?: ReactNode;
  children: ReactNode;
  canSave?: boolean;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  const { stale } = form;
  const canEdit = useCan('portfolio:write');
  const [confirming, setConfirming] = useState(false);
  const removable = form.removable;
  const status = form.pending
    ? t(form.pending === 'deleting' ? 'projectForms.delete.deleting' : 'projectForms.saving')
    : stale === 'reloading'
      ? t('projectForms.loading')
      : typeof stale === 'object' && stale !== null
        ? t('projectForms.stale.reloaded')
        : '';
  return (
    <FormPage
      title={title}
      className="form-page project-forms"
      before={<FormBreadcrumbs projectId={form.projectId} title={title} />}
      intro={
        <>
          <ProjectContext projectId={form.projectId} />
          {intro}
        </>
      }
      status={status}
      notices={
        <>
          {typeof stale === 'object' && stale !== null && stale.changed.length > 0 && (
            <p className="project-forms__changed">
              {t('projectForms.stale.changedFields', {
                fields: stale.changed.map((field) => fieldLabels[field] ?? field).join(', '),
              })}
            </p>
          )}
          {(stale === 'conflict' || stale === 'failed') && (
            <FailureAlert
              message={t('projectForms.stale.message')}
              actionLabel={t('projectForms.stale.reload')}
              onAction={() => void form.reloadLatest()}
            >
              {stale === 'failed' && <p>{t('projectForms.stale.reloadFailed')}</p>}
            </FailureAlert>
          )}
        </>
      }
      alertId={form.alertId}
      alert={text(form.problems?.form)}
      onSubmit={(event) => void form.submit(event)}
      after={
        <>
          {confirming && removable && (
            <ConfirmDialog
              title={t(deleteText(removable).question)}
              body={t('projectForms.delete.body')}
              cancelLabel={t('projectForms.delete.cancel')}
              confirmLabel={t('projectForms.delete.confirm')}
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                // Closing first gives focus back to the delete button; the outcome is announced on the page.
                setConfirming(false);
                void form.removeRecord();
              }}
            />
          )}
          <LeaveGuard dirty={form.dirty} />
        </>
      }
    >
      {children}
      <FormActions submitLabel={canSave ? t('projectForms.save') : undefined} pending={Boolean(form.pending)}>
        <Link to={form.backTo} className="button-link">
          {t('projectForms.cancel')}
        </Link>
        {removable && canEdit && (
          <button
            type="button"
            className="button-secondary"
            aria-disabled={Boolean(form.pending)}
            onClick={() => {
              if (!form.pending) setConfirming(true);
            }}
          >
            {t(deleteText(removable).button)}
          </button>
        )}
      </FormActions>
    </FormPage>
  );
}

/**
 * Where a form sits: Projects › the project › the form (a new project's form: Projects › New
 * project). The project's name comes from the record the form pages load anyway (cached).
 */
export function FormBreadcrumbs({ projectId, title }: { projectId: string; title: string }) {
  const { t } = useTranslation();
  const project = useProjectRecord(projectId, projectId !== '');
  const items = [{ label: t('nav.projects'), to: '/projects' }];
  if (projectId !== '') items.push({ label: project.data?.name ?? '…', to: `/projects/${projectId}` });
  return <Breadcrumbs items={[...items, { label: title }]} />;
}

/** The project a form belongs to, named under the form's heading ("Project: VESI-KH Water launch project"). */
function ProjectContext({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const project = useProjectRecord(projectId, projectId !== '');
  if (!project.data) return null;
  return (
    <p className="project-forms__context">
      {t('projectForms.projectContext', { name: `${project.data.code} ${project.data.name}` })}
    </p>
  );
}

/** Loading and failure of the record a form edits. */
export function RecordLoading({ failed }: { failed: boolean }) {
  const { t } = useTranslation();
  return failed ? (
    <div role="alert" className="error-message form-page">
      <h1 tabIndex={-1}>{t('projectForms.loadFailed')}</h1>
    </div>
  ) : (
    <StatusLine>{t('projectForms.loading')}</StatusLine>
  );
}
