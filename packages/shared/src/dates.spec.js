"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const dates_1 = require("./dates");
describe('dates', () => {
    it.each([
        ['2021-02-04', true],
        ['2024-02-29', true],
        ['2023-02-29', false],
        ['2021-13-01', false],
        ['2021-2-4', false],
        ['4.2.2021', false],
        ['2021-02-04T00:00:00Z', false],
    ])('%s is a calendar date: %s', (value, ok) => {
        expect((0, dates_1.isIsoDate)(value)).toBe(ok);
    });
    it('formats by locale', () => {
        expect((0, dates_1.formatDate)('2021-02-04', 'fi')).toBe('4.2.2021');
        expect((0, dates_1.formatDate)('2026-11-28', 'fi')).toBe('28.11.2026');
        expect((0, dates_1.formatDate)('2021-02-04', 'sv')).toBe('2021-02-04');
        expect((0, dates_1.formatDate)('2021-02-04', 'en-GB')).toBe('04/02/2021');
        expect(() => (0, dates_1.formatDate)('2021-02-30', 'fi')).toThrow(RangeError);
    });
    it("gives today's date in Helsinki, not in UTC", () => {
        // 22:30 UTC on 28 Nov is 00:30 on 29 Nov in Helsinki (UTC+2 in winter)
        expect((0, dates_1.todayIso)('Europe/Helsinki', new Date('2026-11-28T22:30:00Z'))).toBe('2026-11-29');
        expect((0, dates_1.todayIso)('UTC', new Date('2026-11-28T22:30:00Z'))).toBe('2026-11-28');
    });
    it('orders ISO dates', () => {
        expect((0, dates_1.compareIsoDates)('2021-02-04', '2021-09-20')).toBe(-1);
        expect((0, dates_1.compareIsoDates)('2021-09-20', '2021-09-20')).toBe(0);
    });
});
//# sourceMappingURL=dates.spec.js.map