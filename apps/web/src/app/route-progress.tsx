import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from 'react-router';

/** How long a load runs before the bar shows: shorter ones pass without anything flickering. */
export const PROGRESS_DELAY_MS = 200;

/** True once `busy` has lasted `delayMs`; false again as soon as it ends. */
function useShownAfter(busy: boolean, delayMs: number): boolean {
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setTimeout(() => setWaited(true), delayMs);
    return () => {
      clearTimeout(timer);
      setWaited(false);
    };
  }, [busy, delayMs]);
  return busy && waited;
}

/**
 * A thin bar along the top of the window while a page's code or data loads: the router is
 * loading the next page (a lazy route's chunk, a loader), or a query with nothing to show yet is
 * fetching (a refetch of figures already on the page does not count). Shown only after
 * PROGRESS_DELAY_MS. It is an indeterminate progressbar named "Loading…"; the pages' own status
 * lines say in words what is being loaded.
 */
export function RouteProgress() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const firstLoads = useIsFetching({ predicate: (query) => query.state.data === undefined });
  const shown = useShownAfter(navigation.state !== 'idle' || firstLoads > 0, PROGRESS_DELAY_MS);
  return shown ? <div className="route-progress" role="progressbar" aria-label={t('app.loading')} /> : null;
}
