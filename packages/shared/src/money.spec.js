"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const money_1 = require("./money");
describe('money', () => {
    it.each([
        ['0', 0n],
        ['0.5', 50n],
        ['200000', 20000000n],
        ['200000.00', 20000000n],
        ['1234.56', 123456n],
        ['-0.01', -1n],
        ['9999999999999.99', 999999999999999n],
    ])('parses %s exactly', (text, cents) => {
        expect((0, money_1.parseMoneyToCents)(text)).toBe(cents);
    });
    it.each(['', '1.234', '1,5', '01', '1e3', 'NaN', '.5', '1.', '+1', ' 1', '10000000000000'])('rejects %j', (text) => {
        expect((0, money_1.isMoney)(text)).toBe(false);
        expect(() => (0, money_1.parseMoneyToCents)(text)).toThrow(RangeError);
    });
    it('formats cents canonically', () => {
        expect((0, money_1.centsToMoney)(0n)).toBe('0.00');
        expect((0, money_1.centsToMoney)(5n)).toBe('0.05');
        expect((0, money_1.centsToMoney)(-105n)).toBe('-1.05');
        expect((0, money_1.normaliseMoney)('200000')).toBe('200000.00');
    });
    it('sums without float error', () => {
        expect((0, money_1.sumMoney)(['0.10', '0.20'])).toBe('0.30');
        expect((0, money_1.sumMoney)(['333.33', '333.33', '333.33'])).toBe('999.99');
        expect((0, money_1.sumMoney)([])).toBe('0.00');
        // 0.1 + 0.2 in floats is 0.30000000000000004; many small amounts stay exact
        expect((0, money_1.sumMoney)(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
    });
    it('compares', () => {
        expect((0, money_1.compareMoney)('1000.00', '999.99')).toBe(1);
        expect((0, money_1.compareMoney)('0.1', '0.10')).toBe(0);
        expect((0, money_1.compareMoney)('-1', '0')).toBe(-1);
    });
    it('formats for Finnish, Swedish and English users', () => {
        // Intl uses a no-break space (U+00A0) or narrow no-break space (U+202F) for grouping.
        const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
        expect(plain((0, money_1.formatMoney)('1234.56', 'fi'))).toBe('1 234,56 €');
        expect(plain((0, money_1.formatMoney)('200000', 'fi'))).toBe('200 000,00 €');
        expect(plain((0, money_1.formatMoney)('1234.56', 'sv'))).toBe('1 234,56 €');
        expect((0, money_1.formatMoney)('1234.56', 'en')).toBe('€1,234.56');
        expect(plain((0, money_1.formatMoney)('-5', 'fi'))).toBe('−5,00 €');
        // exact beyond float precision
        expect(plain((0, money_1.formatMoney)('9007199254740.99', 'fi'))).toBe('9 007 199 254 740,99 €');
    });
});
//# sourceMappingURL=money.spec.js.map