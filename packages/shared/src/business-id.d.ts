export declare const BUSINESS_ID_PATTERN: RegExp;
/** The check digit for the seven-digit body, or null when the body can have none. */
export declare function businessIdCheckDigit(body: string): number | null;
export declare function isValidBusinessId(value: string): boolean;
