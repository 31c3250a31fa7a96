"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BUSINESS_ID_PATTERN = void 0;
exports.businessIdCheckDigit = businessIdCheckDigit;
exports.isValidBusinessId = isValidBusinessId;
/**
 * Finnish business ID (Y-tunnus / FO-nummer): seven digits, a hyphen and a check digit. The
 * check digit is computed with weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0, remainder 1
 * is never issued (invalid), otherwise the check digit is 11 − remainder. IDs issued before
 * 1991 with six digits are written with a leading zero.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];
exports.BUSINESS_ID_PATTERN = /^\d{7}-\d$/;
/** The check digit for the seven-digit body, or null when the body can have none. */
function businessIdCheckDigit(body) {
    if (!/^\d{7}$/.test(body))
        return null;
    const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(body[i]), 0);
    const remainder = sum % 11;
    if (remainder === 0)
        return 0;
    if (remainder === 1)
        return null;
    return 11 - remainder;
}
function isValidBusinessId(value) {
    if (!exports.BUSINESS_ID_PATTERN.test(value))
        return false;
    const check = businessIdCheckDigit(value.slice(0, 7));
    return check !== null && check === Number(value.slice(8));
}
//# sourceMappingURL=business-id.js.map