/** An exact indicator value (up to 13 integer digits and 4 decimals), read back as a string. */
export const INDICATOR_VALUE_COLUMN = { type: 'numeric', precision: 17, scale: 4 } as const;
