import { useSearchParams } from 'react-router';
import { periodFromSearch, type Period } from '../lib/period';

/** The report's period in the URL (?from=&to=), so a report can be shared, bookmarked and reloaded. */
export function useReportPeriod(): { period: Period; change: (next: Period) => void } {
  const [search, setSearch] = useSearchParams();
  const period = periodFromSearch(search);
  const change = (next: Period) => {
    setSearch(new URLSearchParams({ from: next.from, to: next.to }), { replace: true, preventScrollReset: true });
  };
  return { period, change };
}
