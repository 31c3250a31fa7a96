import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Unversioned } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

export type AccessibilitySettings = components['schemas']['AccessibilitySettingsResponse'];
export type UpdateAccessibilitySettings = Unversioned<components['schemas']['UpdateAccessibilitySettingsDto']>;

const settingsKey = ['settings', 'accessibility'] as const;

/** GET /api/settings/accessibility: public, the statement's feedback contact. */
export function useAccessibilitySettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/settings/accessibility', { signal })),
  });
}

/** PATCH /api/settings/accessibility (admins), with the version read as If-Match. */
export function useUpdateAccessibilitySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateAccessibilitySettings; version: number }) =>
      unwrap(api.PATCH('/api/settings/accessibility', { params: { header: ifMatch(version) }, body })),
    // The statement's contact only: the saved settings replace the cached ones.
    meta: { writes: 'none' },
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
