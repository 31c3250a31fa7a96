import { CsvRecordCounter } from '../csv-rows';
import { toApiError } from './client';
import type { paths } from './schema';

/** The export routes of the API (GET /api/exports/<dataset>.csv), from the generated contract. */
type ExportPath = Extract<keyof paths, `/api/exports/${string}.csv`>;
export type ExportDataset = ExportPath extends `/api/exports/${infer Dataset}.csv` ? Dataset : never;
/** An export's query: the same filters and sort as its list, plus the CSV profile and header language. */
export type ExportQuery<D extends ExportDataset> = NonNullable<
  paths[`/api/exports/${D}.csv`]['get']['parameters']['query']
>;
export type ExportProfile = NonNullable<ExportQuery<'projects'>['profile']>;

export const EXPORT_DATASETS = [
  'projects',
  'funding-decisions',
  'payments',
  'milestones',
  'status-reports',
  'participants',
  'indicator-values',
] as const satisfies readonly ExportDataset[];

export interface ExportProgress {
  /** Data rows received so far (the header row is not counted). */
  rows: number;
  /** Rows the export will have, from the X-Export-Rows header; null when the API did not say. */
  totalRows: number | null;
  bytes: number;
}

export interface DownloadedExport {
  blob: Blob;
  fileName: string;
  rows: number;
}

/** The file name from `Content-Disposition` (RFC 6266: `filename*` first, then `filename`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed encoding: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition) ?? /filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** The export's address: `/api/exports/<dataset>.csv?…` with the values that are set, in a stable order. */
export function exportUrl<D extends ExportDataset>(dataset: D, query: ExportQuery<D>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (value !== '') params.set(name, String(value));
    }
  }
  const search = params.toString();
  return `/api/exports/${dataset}.csv${search ? `?${search}` : ''}`;
}

/**
 * Downloads an export, reporting progress as the rows arrive (the API streams them, so a large
 * export shows its progress instead of a silent wait). Failures before the first byte come back
 * as the API's error (an ApiError: 403, 429 with Retry-After, 400); `signal` cancels the download,
 * and the API then releases the database connection at once.
 */
export async function downloadExport<D extends ExportDataset>(
  dataset: D,
  query: ExportQuery<D>,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<DownloadedExport> {
  const request = new Request(new URL(exportUrl(dataset, query), globalThis.location.href), {
    credentials: 'same-origin',
    headers: { Accept: 'text/csv, application/json' },
    signal,
  });
  const response = await globalThis.fetch(request);
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response, body);
  }
  const total = Number(response.headers.get('X-Export-Rows'));
  const totalRows = response.headers.has('X-Export-Rows') && Number.isSafeInteger(total) ? total : null;
  const fileName = fileNameOf(response.headers.get('Content-Disposition'), `salkku-${dataset}.csv`);

  const counter = new CsvRecordCounter();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  const rowsOf = (records: number) => Math.max(0, records - 1);
  onProgress({ rows: 0, totalRows, bytes });
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      bytes += value.byteLength;
      onProgress({ rows: rowsOf(counter.push(value)), totalRows, bytes });
    }
  }
  const rows = rowsOf(counter.records);
  return { blob: new Blob(parts as BlobPart[], { type: 'text/csv;charset=utf-8' }), fileName, rows };
}

/** Hands a downloaded file to the browser's save dialogue / downloads. */
export function saveFile({ blob, fileName }: DownloadedExport): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
