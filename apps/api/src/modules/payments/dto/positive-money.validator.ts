import { NON_NEGATIVE_MONEY_PATTERN, parseMoneyToCents } from '@salkku/shared';
import { registerDecorator } from 'class-validator';

/** A money string above zero ("0.01" or more), checked in cents, never as a float. */
export function IsPositiveMoney(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPositiveMoney',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be more than zero' },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && NON_NEGATIVE_MONEY_PATTERN.test(value) && parseMoneyToCents(value) > 0n,
      },
    });
  };
}
