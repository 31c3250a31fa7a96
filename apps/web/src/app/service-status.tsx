import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api/client';
import { FailureAlert } from '../components/load-status';

function isUnavailable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 503 || error.code === 'SERVICE_UNAVAILABLE');
}

/**
 * While the API answers 503 (its database cannot be reached; it says when to retry), every page
 * says so above its content, in the user's language, rather than each page's own "loading failed".
 * The notice goes away with the next request that succeeds.
 */
export function ServiceStatus() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'error' && isUnavailable(event.action.error)) setUnavailable(true);
      else if (event.action.type === 'success') setUnavailable(false);
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'error' && isUnavailable(event.action.error)) setUnavailable(true);
      else if (event.action.type === 'success') setUnavailable(false);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);
  // An alert inserted when it applies is announced at once (and leaves other pages' alerts alone).
  return unavailable ? <FailureAlert message={t('errors.SERVICE_UNAVAILABLE')} /> : null;
}
