import { DEFAULT_PAGE_SIZE } from '@salkku/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { projectDetailKeys } from './query-keys';

export type ProjectHistoryItem = components['schemas']['ProjectHistoryItemResponse'];
export type ProjectHistoryPage = components['schemas']['ProjectHistoryItemPage'];
export type FieldChange = components['schemas']['ProjectHistoryFieldChange'];
export type HistoryReference = components['schemas']['ProjectHistoryReference'];

export const HISTORY_PAGE_SIZE = DEFAULT_PAGE_SIZE;

/** One page of the project's history (changes and status reports), newest first. */
export function getProjectHistory(projectId: string, page: number, signal?: AbortSignal): Promise<ProjectHistoryPage> {
  return unwrap(
    api.GET('/api/projects/{id}/history', {
      params: { path: { id: projectId }, query: { page, pageSize: HISTORY_PAGE_SIZE } },
      signal,
    }),
  );
}

export function projectHistoryQueryOptions(projectId: string, page: number) {
  return queryOptions({
    queryKey: projectDetailKeys.history(projectId, page),
    queryFn: ({ signal }) => getProjectHistory(projectId, page, signal),
  });
}

/** A page of history, fetched once `enabled` (the section is opened); the previous page stays on screen while the next one loads. */
export function useProjectHistory(projectId: string, page: number, enabled = true) {
  return useQuery({ ...projectHistoryQueryOptions(projectId, page), placeholderData: keepPreviousData, enabled });
}
