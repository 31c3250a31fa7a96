import { formatIndicatorValue, parseIndicatorValue } from '@salkku/shared';

/** An exact indicator value (up to 13 integer digits and 4 decimals), read back as a string. */
export const INDICATOR_VALUE_COLUMN = { type: 'numeric', precision: 17, scale: 4 } as const;

/** A stored value ("15.0000", as numeric(17,4) reads back) in its shortest exact form ("15"). */
export function exactValue(value: string): string {
  return formatIndicatorValue(parseIndicatorValue(value));
}
