import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { fetchAllPages } from '../../../lib/api/fetch-all-pages';
import { projectDetailKeys } from './query-keys';

export type Payment = components['schemas']['PaymentResponse'];

/** Every payment under the project's funding decisions, earliest first. */
export function getPayments(projectId: string, signal?: AbortSignal): Promise<Payment[]> {
  return fetchAllPages((page, pageSize) =>
    unwrap(api.GET('/api/payments', { params: { query: { projectId, page, pageSize, sort: 'paidOn' } }, signal })),
  );
}

export function paymentsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: projectDetailKeys.payments(projectId),
    queryFn: ({ signal }) => getPayments(projectId, signal),
  });
}

export function usePayments(projectId: string) {
  return useQuery(paymentsQueryOptions(projectId));
}
