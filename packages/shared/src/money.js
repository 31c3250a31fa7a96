"use strict";
/**
 * Money is exact. Amounts are euros and cross the API as decimal strings with at most two
 * decimals ("200000.00"); internally they are handled as integer cents in a bigint, never as a
 * JavaScript float.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.NON_NEGATIVE_MONEY_PATTERN = exports.MONEY_PATTERN = void 0;
exports.isMoney = isMoney;
exports.parseMoneyToCents = parseMoneyToCents;
exports.centsToMoney = centsToMoney;
exports.normaliseMoney = normaliseMoney;
exports.sumMoney = sumMoney;
exports.compareMoney = compareMoney;
exports.formatMoney = formatMoney;
/** Pattern of a money amount in the API: optional minus, up to 13 integer digits, up to 2 decimals. */
exports.MONEY_PATTERN = /^-?(0|[1-9]\d{0,12})(\.\d{1,2})?$/;
/** Same, but zero or more. */
exports.NON_NEGATIVE_MONEY_PATTERN = /^(0|[1-9]\d{0,12})(\.\d{1,2})?$/;
function isMoney(value) {
    return exports.MONEY_PATTERN.test(value);
}
/** Parses "1234.5" to 123450n cents. Throws on anything that is not a money string. */
function parseMoneyToCents(value) {
    if (!isMoney(value)) {
        throw new RangeError(`Not a money amount: ${JSON.stringify(value)}`);
    }
    const negative = value.startsWith('-');
    const unsigned = negative ? value.slice(1) : value;
    const [whole = '0', fraction = ''] = unsigned.split('.');
    const cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
    return negative ? -cents : cents;
}
/** Formats cents as the canonical API string with exactly two decimals: 123450n → "1234.50". */
function centsToMoney(cents) {
    const negative = cents < 0n;
    const abs = negative ? -cents : cents;
    const whole = abs / 100n;
    const fraction = (abs % 100n).toString().padStart(2, '0');
    return `${negative ? '-' : ''}${whole.toString()}.${fraction}`;
}
/** Normalises a money string to two decimals ("200000" → "200000.00"). */
function normaliseMoney(value) {
    return centsToMoney(parseMoneyToCents(value));
}
/** Sums money strings exactly. */
function sumMoney(values) {
    return centsToMoney(values.reduce((acc, v) => acc + parseMoneyToCents(v), 0n));
}
/** Compares two money strings: negative when a < b, 0 when equal, positive when a > b. */
function compareMoney(a, b) {
    const diff = parseMoneyToCents(a) - parseMoneyToCents(b);
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
/**
 * Formats a money string for display in a locale ("fi" → "1 234,56 €"). Uses Intl with the
 * decimal string itself, so no float rounding happens for amounts in range.
 */
function formatMoney(value, locale) {
    const cents = parseMoneyToCents(value);
    const formatter = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
    });
    // Intl.NumberFormat.format accepts decimal strings exactly (ES2023 "Intl.NumberFormat v3").
    return formatter.format(centsToMoney(cents));
}
//# sourceMappingURL=money.js.map