import { useCallback, useState } from 'react';

/**
 * The projects table's columns that can be hidden, in table order. The code and the name are
 * always shown. By default the priority area and the lead organisation are hidden, so that at
 * 1366 px the figures a coordinator follows (paid, remaining, the next milestone) fit on screen.
 */
export const OPTIONAL_COLUMNS = [
  'priorityArea',
  'leadOrganisation',
  'lifecycleStatus',
  'health',
  'granted',
  'paid',
  'remaining',
  'nextMilestone',
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly OptionalColumn[] = OPTIONAL_COLUMNS.filter(
  (column) => column !== 'priorityArea' && column !== 'leadOrganisation',
);

/** Where the choice is remembered on this device. */
export const COLUMNS_STORAGE_KEY = 'salkku.projects.columns';

function stored(): readonly OptionalColumn[] {
  try {
    const raw = globalThis.localStorage?.getItem(COLUMNS_STORAGE_KEY);
    if (!raw) return DEFAULT_COLUMNS;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return DEFAULT_COLUMNS;
    // Known names only, in table order (a name from an older version is dropped).
    return OPTIONAL_COLUMNS.filter((column) => parsed.includes(column));
  } catch {
    // Storage refused (private mode) or a damaged value: the defaults.
    return DEFAULT_COLUMNS;
  }
}

/** The projects table's shown columns, remembered in localStorage. */
export function useProjectColumns() {
  const [shown, setShown] = useState<readonly OptionalColumn[]>(stored);
  const toggle = useCallback((column: OptionalColumn, show: boolean) => {
    setShown((current) => {
      const next = OPTIONAL_COLUMNS.filter((c) => (c === column ? show : current.includes(c)));
      try {
        globalThis.localStorage?.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Not remembered, still applied.
      }
      return next;
    });
  }, []);
  const reset = useCallback(() => {
    try {
      globalThis.localStorage?.removeItem(COLUMNS_STORAGE_KEY);
    } catch {
      // Nothing remembered to forget.
    }
    setShown(DEFAULT_COLUMNS);
  }, []);
  return { shown, toggle, reset, isShown: (column: OptionalColumn) => shown.includes(column) };
}
