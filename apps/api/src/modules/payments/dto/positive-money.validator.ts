import { NON_NEGATIVE_MONEY_PATTERN, parseMoneyToCents } from '@salkku/shared';
import { ValueRule } from '../../../common/validators';

/** A money string above zero ("0.01" or more), checked in cents, never as a float. */
export const IsPositiveMoney = (): PropertyDecorator =>
  ValueRule(
    'isPositiveMoney',
    '$property must be more than zero',
    (value) => typeof value === 'string' && NON_NEGATIVE_MONEY_PATTERN.test(value) && parseMoneyToCents(value) > 0n,
  );
