import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Unversioned } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

export type AdminUser = components['schemas']['UserResponse'];
export type CreateUserInput = components['schemas']['CreateUserDto'];
export type UpdateUserInput = Unversioned<components['schemas']['UpdateUserDto']>;
export type Organisation = components['schemas']['OrganisationResponse'];
export type CreateOrganisationInput = components['schemas']['CreateOrganisationDto'];
export type UpdateOrganisationInput = Unversioned<components['schemas']['UpdateOrganisationDto']>;

export const adminKeys = {
  users: (page: number) => ['admin', 'users', page] as const,
  allUsers: ['admin', 'users'] as const,
  organisations: (page: number) => ['admin', 'organisations', page] as const,
  allOrganisations: ['admin', 'organisations'] as const,
  indicators: (page: number) => ['admin', 'indicators', page] as const,
  allIndicators: ['admin', 'indicators'] as const,
};

export const ADMIN_PAGE_SIZE = 50;

/** GET /api/users, a page at a time (admins only). */
export function useUsers(page: number) {
  return useQuery({
    queryKey: adminKeys.users(page),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/users', { params: { query: { page, pageSize: ADMIN_PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/organisations, a page at a time (sorted by name). */
export function useOrganisations(page: number, pageSize = ADMIN_PAGE_SIZE) {
  return useQuery({
    queryKey: [...adminKeys.organisations(page), pageSize],
    queryFn: ({ signal }) => unwrap(api.GET('/api/organisations', { params: { query: { page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/*
 * The writes below are portfolio writes (the default meta): users' and organisations' names show in
 * lists, reports, the dashboard and project histories, so the app's MutationCache refetches every
 * portfolio view after each (lib/write-invalidation.ts). A failed update may still have raced a
 * change by someone else: the list is refetched then too.
 */

export function useCreateUser() {
  return useMutation({
    mutationFn: (body: CreateUserInput) => unwrap(api.POST('/api/users', { body })),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateUserInput; version: number }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
    onError: () => queryClient.invalidateQueries({ queryKey: adminKeys.allUsers }),
  });
}

export function useResetPassword() {
  return useMutation({
    // Another user's password: no view shows it.
    meta: { writes: 'none' },
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      unwrap(api.POST('/api/users/{id}/password', { params: { path: { id } }, body: { password } })),
  });
}

export function useCreateOrganisation() {
  return useMutation({
    mutationFn: (body: CreateOrganisationInput) => unwrap(api.POST('/api/organisations', { body })),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateOrganisationInput; version: number }) =>
      unwrap(api.PATCH('/api/organisations/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
    onError: () => queryClient.invalidateQueries({ queryKey: adminKeys.allOrganisations }),
  });
}
