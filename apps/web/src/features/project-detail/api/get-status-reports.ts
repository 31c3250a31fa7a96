import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages';
import { projectDetailKeys } from './query-keys';

export type StatusReport = components['schemas']['StatusReportResponse'];

/** Every status report of the project, newest first (the API's default order: by reporting date, then by when written). */
export function getStatusReports(projectId: string, signal?: AbortSignal): Promise<StatusReport[]> {
  return fetchAllPages((page, pageSize) =>
    unwrap(api.GET('/api/status-reports', { params: { query: { projectId, page, pageSize } }, signal })),
  );
}

export function statusReportsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: projectDetailKeys.statusReports(projectId),
    queryFn: ({ signal }) => getStatusReports(projectId, signal),
  });
}

export function useStatusReports(projectId: string) {
  return useQuery(statusReportsQueryOptions(projectId));
}
