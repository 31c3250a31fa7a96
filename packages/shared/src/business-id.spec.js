"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const business_id_1 = require("./business-id");
describe('Finnish business ID (Y-tunnus)', () => {
    it.each([
        ['0245894-7', true],
        ['0171450-7', true],
        ['1572860-0', true], // remainder 0 → check digit 0
        ['0245894-8', false], // wrong check digit
        ['245894-7', false], // six digits
        ['02458947', false], // no hyphen
        ['0245894-', false],
        [' 0245894-7', false],
        ['abcdefg-1', false],
    ])('%s → %s', (id, valid) => {
        expect((0, business_id_1.isValidBusinessId)(id)).toBe(valid);
    });
    it('has no check digit when the remainder is 1', () => {
        // find a body whose weighted sum leaves remainder 1: no check digit can make it valid
        const body = Array.from({ length: 10000 }, (_, i) => String(i).padStart(7, '0')).find((b) => (0, business_id_1.businessIdCheckDigit)(b) === null);
        expect(body).toBeDefined();
        const sum = [7, 9, 10, 5, 8, 4, 2].reduce((acc, w, i) => acc + w * Number(body[i]), 0);
        expect(sum % 11).toBe(1);
        for (let d = 0; d <= 9; d++)
            expect((0, business_id_1.isValidBusinessId)(`${body}-${d}`)).toBe(false);
    });
    it('computes 11 − remainder otherwise', () => {
        // 0245894: 0*7+2*9+4*10+5*5+8*8+9*4+4*2 = 191; 191 % 11 = 4; 11 − 4 = 7
        expect((0, business_id_1.businessIdCheckDigit)('0245894')).toBe(7);
    });
});
//# sourceMappingURL=business-id.spec.js.map