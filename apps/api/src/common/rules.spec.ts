import { LIFECYCLE_TRANSITIONS, MILESTONE_TRANSITIONS } from '@salkku/shared';
import { DomainError } from './domain-error';
import { assertPeriod, assertTransition, periodProblems } from './rules';

function thrown(run: () => void): DomainError | null {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return null;
}

describe('the period rule', () => {
  const from = (date: string | null | undefined) => ({ field: 'validFrom', date });
  const to = (date: string | null | undefined) => ({ field: 'validTo', date });

  it.each([
    ['2021-01-01', '2021-12-31'],
    ['2021-01-01', '2021-01-01'],
    [null, '2021-01-01'],
    ['2021-01-01', undefined],
    [undefined, null],
  ])('lets %s … %s pass', (start, end) => {
    expect(periodProblems(from(start), to(end))).toEqual({});
    expect(thrown(() => assertPeriod(from(start), to(end)))).toBeNull();
  });

  it('puts an end before the start on the end field as dateOrder', () => {
    expect(periodProblems(from('2021-02-01'), to('2021-01-31'))).toEqual({
      validTo: [{ code: 'dateOrder', message: 'validTo (2021-01-31) must be on or after validFrom (2021-02-01)' }],
    });
    const error = thrown(() => assertPeriod(from('2021-02-01'), to('2021-01-31')));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', problems: { validTo: [{ code: 'dateOrder' }] } });
  });
});

describe('the transition rule', () => {
  const project = { record: 'project', field: 'lifecycleStatus' };

  it('allows the table’s moves and staying put', () => {
    expect(thrown(() => assertTransition(LIFECYCLE_TRANSITIONS, 'planned', 'active', project))).toBeNull();
    expect(thrown(() => assertTransition(LIFECYCLE_TRANSITIONS, 'completed', 'completed', project))).toBeNull();
  });

  it('refuses any other move with 409 ILLEGAL_TRANSITION on the status field, naming where it came from', () => {
    const error = thrown(() => assertTransition(LIFECYCLE_TRANSITIONS, 'planned', 'completed', project));
    expect(error).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: 'A project cannot move from planned to completed (allowed: active, cancelled)',
      problems: { lifecycleStatus: [{ code: 'illegalTransition', params: { from: 'planned' } }] },
    });
    const final = thrown(() => assertTransition(LIFECYCLE_TRANSITIONS, 'cancelled', 'active', project));
    expect(final?.message).toBe('A project cannot move from cancelled to active (cancelled is final)');
    const milestone = thrown(() =>
      assertTransition(MILESTONE_TRANSITIONS, 'done', 'cancelled', { record: 'milestone', field: 'status' }),
    );
    expect(milestone?.details).toEqual({ status: ['from done it may move to: in_progress'] });
  });
});
