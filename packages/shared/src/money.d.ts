/**
 * Money is exact. Amounts are euros and cross the API as decimal strings with at most two
 * decimals ("200000.00"); internally they are handled as integer cents in a bigint, never as a
 * JavaScript float.
 */
/** Pattern of a money amount in the API: optional minus, up to 13 integer digits, up to 2 decimals. */
export declare const MONEY_PATTERN: RegExp;
/** Same, but zero or more. */
export declare const NON_NEGATIVE_MONEY_PATTERN: RegExp;
export declare function isMoney(value: string): boolean;
/** Parses "1234.5" to 123450n cents. Throws on anything that is not a money string. */
export declare function parseMoneyToCents(value: string): bigint;
/** Formats cents as the canonical API string with exactly two decimals: 123450n → "1234.50". */
export declare function centsToMoney(cents: bigint): string;
/** Normalises a money string to two decimals ("200000" → "200000.00"). */
export declare function normaliseMoney(value: string): string;
/** Sums money strings exactly. */
export declare function sumMoney(values: readonly string[]): string;
/** Compares two money strings: negative when a < b, 0 when equal, positive when a > b. */
export declare function compareMoney(a: string, b: string): number;
/**
 * Formats a money string for display in a locale ("fi" → "1 234,56 €"). Uses Intl with the
 * decimal string itself, so no float rounding happens for amounts in range.
 */
export declare function formatMoney(value: string, locale: string): string;
