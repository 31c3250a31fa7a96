import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { ValueRule } from '../../../common/validators';

/** A percentage as an exact decimal string: up to three integer digits and at most two decimals. */
export const PERCENT_PATTERN = /^(0|[1-9]\d{0,2})(\.\d{1,2})?$/;

/** True for a percentage string in 0–100 ("100", "20.5", "0.00"); compared in hundredths, never as a float. */
export function isPercent(value: unknown): boolean {
  if (typeof value !== 'string' || !PERCENT_PATTERN.test(value)) return false;
  const [whole = '0', fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number((fraction + '00').slice(0, 2)) <= 10000;
}

const IsPercentInRange = (): PropertyDecorator =>
  ValueRule('isPercentInRange', '$property must be between 0 and 100', isPercent);

/** An optional percentage 0–100 as a decimal string ("20" or "20.00"); null clears it. */
export function OptionalPercentField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      nullable: true,
      pattern: PERCENT_PATTERN.source,
      example: '20.00',
      description,
    }),
    IsOptional(),
    ValidateIf((_o, v) => v !== null && v !== undefined),
    IsString(),
    Matches(PERCENT_PATTERN, {
      message: '$property must be a percentage such as "20" or "20.00" (a string, at most two decimals)',
      context: { problem: 'invalidPercent' },
    }),
    IsPercentInRange(),
  );
}
