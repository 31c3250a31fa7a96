import type { MailKind, MailStatus } from '@salkku/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

export type MailMessage = components['schemas']['MailMessageResponse'];
export type MailOutboxPage = components['schemas']['MailOutboxPage'];

export interface MailOutboxFilters {
  status?: MailStatus;
  kind?: MailKind;
  page: number;
}

/** Query keys of the mail feature. Under 'admin', so the app's refetch after any write reaches the outbox too. */
export const mailKeys = {
  all: ['admin', 'mail-outbox'] as const,
  outbox: (filters: MailOutboxFilters) => ['admin', 'mail-outbox', filters] as const,
};

export const OUTBOX_PAGE_SIZE = 25;

/** GET /api/mail-outbox: a page of the outbox, newest first (admins: mail:read). */
export function getMailOutbox(filters: MailOutboxFilters, signal?: AbortSignal): Promise<MailOutboxPage> {
  return unwrap(
    api.GET('/api/mail-outbox', {
      params: {
        query: { status: filters.status, kind: filters.kind, page: filters.page, pageSize: OUTBOX_PAGE_SIZE },
      },
      signal,
    }),
  );
}

export function mailOutboxQueryOptions(filters: MailOutboxFilters) {
  return queryOptions({
    queryKey: mailKeys.outbox(filters),
    queryFn: ({ signal }) => getMailOutbox(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMailOutbox(filters: MailOutboxFilters) {
  return useQuery(mailOutboxQueryOptions(filters));
}
