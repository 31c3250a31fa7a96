"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const milestones_1 = require("./milestones");
const transitions_1 = require("./transitions");
const vocabulary_1 = require("./vocabulary");
describe('lifecycle transitions', () => {
    it.each([
        ['planned', 'active', true],
        ['planned', 'cancelled', true],
        ['planned', 'completed', false],
        ['active', 'on_hold', true],
        ['active', 'completed', true],
        ['on_hold', 'active', true],
        ['on_hold', 'completed', false],
        ['completed', 'active', false],
        ['cancelled', 'planned', false],
        ['active', 'active', true],
    ])('%s → %s: %s', (from, to, allowed) => {
        expect((0, transitions_1.canTransition)(transitions_1.LIFECYCLE_TRANSITIONS, from, to)).toBe(allowed);
    });
    it('covers every status and only names known statuses', () => {
        for (const [table, statuses] of [
            [transitions_1.LIFECYCLE_TRANSITIONS, vocabulary_1.LIFECYCLE_STATUSES],
            [transitions_1.FUNDING_DECISION_TRANSITIONS, vocabulary_1.FUNDING_DECISION_STATUSES],
            [transitions_1.MILESTONE_TRANSITIONS, vocabulary_1.MILESTONE_STATUSES],
        ]) {
            expect(Object.keys(table).sort()).toEqual([...statuses].sort());
            for (const targets of Object.values(table)) {
                for (const t of targets)
                    expect(statuses).toContain(t);
            }
        }
    });
    it('treats completed and cancelled projects as final', () => {
        expect((0, transitions_1.nextStatuses)(transitions_1.LIFECYCLE_TRANSITIONS, 'completed')).toEqual([]);
        expect((0, transitions_1.nextStatuses)(transitions_1.LIFECYCLE_TRANSITIONS, 'cancelled')).toEqual([]);
    });
    it('lets a funding decision be granted, amended and withdrawn but not revived', () => {
        expect((0, transitions_1.canTransition)(transitions_1.FUNDING_DECISION_TRANSITIONS, 'applied', 'granted')).toBe(true);
        expect((0, transitions_1.canTransition)(transitions_1.FUNDING_DECISION_TRANSITIONS, 'granted', 'amended')).toBe(true);
        expect((0, transitions_1.canTransition)(transitions_1.FUNDING_DECISION_TRANSITIONS, 'rejected', 'granted')).toBe(false);
        expect((0, transitions_1.canTransition)(transitions_1.FUNDING_DECISION_TRANSITIONS, 'withdrawn', 'granted')).toBe(false);
    });
});
describe('overdue milestones', () => {
    const today = '2026-11-28';
    it.each([
        [{ dueDate: '2026-11-27', status: 'planned' }, true],
        [{ dueDate: '2026-11-27', status: 'in_progress' }, true],
        [{ dueDate: '2026-11-27', status: 'done' }, false],
        [{ dueDate: '2026-11-27', status: 'cancelled' }, false],
        [{ dueDate: '2026-11-28', status: 'planned' }, false],
        [{ dueDate: null, status: 'planned' }, false],
    ])('%o → %s', (milestone, overdue) => {
        expect((0, milestones_1.isOverdue)(milestone, today)).toBe(overdue);
    });
});
//# sourceMappingURL=transitions.spec.js.map