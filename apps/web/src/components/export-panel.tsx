import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api/client';
import { formatWaitIn, intlLocale } from '../lib/format';
import { activeLanguage } from '../lib/i18n';
import {
  downloadExport,
  saveFile,
  type ExportDataset,
  type ExportProfile,
  type ExportProgress,
  type ExportQuery,
} from '../lib/api/download-export';
import './export-panel.css';

/** The Finnish Excel profile is the default in Finnish and Swedish; the standard one in English. */
export function defaultProfile(language: string): ExportProfile {
  return language === 'en' ? 'standard' : 'fi-excel';
}

type Filters<D extends ExportDataset> = Omit<ExportQuery<D>, 'profile' | 'lang'>;

type State =
  | { step: 'idle' }
  | { step: 'running'; progress: ExportProgress }
  | { step: 'done'; rows: number; fileName: string }
  | { step: 'failed'; message: string };

export interface ExportPanelProps<D extends ExportDataset> {
  dataset: D;
  /** The list's filters and sort, exactly as the list sends them. */
  filters: Filters<D>;
}

/**
 * Exports a list as CSV: the user picks the profile (Finnish Excel or standard), the file downloads
 * with its progress shown (a progress bar, and the row count announced when it is done), and
 * it can be cancelled. Headers come in the UI language.
 */
export function ExportPanel<D extends ExportDataset>({ dataset, filters }: ExportPanelProps<D>) {
  const { t, i18n } = useTranslation();
  const language = activeLanguage(i18n);
  const [profile, setProfile] = useState<ExportProfile>(() => defaultProfile(language));
  const [state, setState] = useState<State>({ step: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const legendId = useId();
  const progressId = useId();

  // Leaving the page cancels a download still running.
  useEffect(() => () => abort.current?.abort(), []);

  async function start() {
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'running', progress: { rows: 0, totalRows: null, bytes: 0 } });
    let lastShown = 0;
    try {
      const query = { ...filters, profile, lang: language } as ExportQuery<D>;
      const file = await downloadExport(
        dataset,
        query,
        (progress) => {
          // Re-render at most every 100 ms: a large export delivers thousands of chunks.
          const now = performance.now();
          if (now - lastShown < 100 && progress.rows !== progress.totalRows) return;
          lastShown = now;
          setState({ step: 'running', progress });
        },
        controller.signal,
      );
      saveFile(file);
      setState({ step: 'done', rows: file.rows, fileName: file.fileName });
    } catch (error) {
      if (controller.signal.aborted) {
        setState({ step: 'failed', message: t('exports.cancelled') });
      } else if (error instanceof ApiError && error.status === 429) {
        const wait = error.retryAfterSeconds;
        setState({
          step: 'failed',
          message:
            wait === undefined
              ? t('exports.tooMany')
              : t('exports.tooManyRetry', { wait: formatWaitIn(wait, language) }),
        });
      } else if (error instanceof ApiError && error.status === 403) {
        setState({ step: 'failed', message: t('exports.forbidden') });
      } else if (error instanceof ApiError && error.status === 503) {
        setState({ step: 'failed', message: t('errors.SERVICE_UNAVAILABLE') });
      } else {
        setState({ step: 'failed', message: t('exports.failed') });
      }
    } finally {
      abort.current = null;
    }
  }

  const running = state.step === 'running';
  const progress = running ? state.progress : null;
  const formatCount = (value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);

  return (
    <div className="export-panel">
      <fieldset className="export-panel__profiles" disabled={running}>
        <legend id={legendId}>{t('exports.profile')}</legend>
        {(['fi-excel', 'standard'] as const).map((value) => (
          <label key={value} className="export-panel__choice">
            <input
              type="radio"
              name={`${legendId}-profile`}
              value={value}
              checked={profile === value}
              onChange={() => setProfile(value)}
            />{' '}
            {t(`exports.profiles.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="export-panel__actions">
        <button type="button" onClick={() => void start()} disabled={running}>
          {t('exports.download')}
        </button>
        {running && (
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('exports.cancel')}
          </button>
        )}
      </div>
      {progress && (
        <div className="export-panel__progress">
          <label htmlFor={progressId}>{t('exports.progressLabel')}</label>
          <progress
            id={progressId}
            max={progress.totalRows ?? undefined}
            value={progress.totalRows ? progress.rows : undefined}
          />
          <span>
            {progress.totalRows === null
              ? t('exports.rowsSoFar', { count: progress.rows, rows: formatCount(progress.rows) })
              : t('exports.rowsOf', {
                  count: progress.totalRows,
                  rows: formatCount(progress.rows),
                  total: formatCount(progress.totalRows),
                })}
          </span>
        </div>
      )}
      <p role="status" className="status-message">
        {state.step === 'running' && t('exports.started')}
        {state.step === 'done' &&
          t('exports.done', { count: state.rows, fileName: state.fileName, rows: formatCount(state.rows) })}
      </p>
      {state.step === 'failed' && (
        <p role="alert" className="error-message">
          {state.message}
        </p>
      )}
    </div>
  );
}
