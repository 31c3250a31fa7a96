import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INDICATOR_VALUE_PATTERN,
  isIsoDate,
  isValidBusinessId,
  MONEY_PATTERN,
  NON_NEGATIVE_MONEY_PATTERN,
  REPORTING_PERIOD_PATTERN,
} from '@salkku/shared';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';

/**
 * Small composite decorators for the rules that repeat across DTOs, so a field's validation and
 * its OpenAPI description are written once. `optional` fields accept null (to clear a value).
 */
interface FieldOptions {
  optional?: boolean;
  description?: string;
}

function optionality(optional: boolean | undefined): PropertyDecorator[] {
  // ValidateIf skips the other rules for null/undefined: null clears an optional field.
  return optional ? [IsOptional(), ValidateIf((_o, v) => v !== null && v !== undefined)] : [];
}

function doc(optional: boolean | undefined, options: Record<string, unknown>): PropertyDecorator {
  return optional ? ApiPropertyOptional({ nullable: true, ...options }) : ApiProperty(options);
}

export function IsoDateField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    doc(options.optional, { type: 'string', format: 'date', example: '2021-09-20', description: options.description }),
    ...optionality(options.optional),
    IsString(),
    IsCalendarDate(),
  );
}

export function MoneyField(options: FieldOptions & { allowNegative?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    doc(options.optional, {
      type: 'string',
      pattern: (options.allowNegative ? MONEY_PATTERN : NON_NEGATIVE_MONEY_PATTERN).source,
      example: '200000.00',
      description: options.description ?? 'Euros as an exact decimal string, at most two decimals',
    }),
    ...optionality(options.optional),
    IsString(),
    Matches(options.allowNegative ? MONEY_PATTERN : NON_NEGATIVE_MONEY_PATTERN, {
      message: '$property must be an amount of euros such as "1234.50" (a string, at most two decimals)',
      context: { problem: 'invalidAmount' },
    }),
  );
}

/** An exact indicator value ("15", "1234.5", "-2"): a string, at most 13 integer digits and 4 decimals. */
export function IndicatorValueField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    doc(options.optional, {
      type: 'string',
      pattern: INDICATOR_VALUE_PATTERN.source,
      example: '15',
      description: options.description ?? 'An exact decimal as a string, at most 4 decimals',
    }),
    ...optionality(options.optional),
    IsString(),
    Matches(INDICATOR_VALUE_PATTERN, {
      message: '$property must be a number such as "15" or "37.5" (a string, at most 4 decimals)',
      context: { problem: 'invalidIndicatorValue' },
    }),
  );
}

/** A reporting period: a year ("2025") or a half-year ("2025-H1", "2025-H2"). */
export function ReportingPeriodField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    doc(options.optional, {
      type: 'string',
      pattern: REPORTING_PERIOD_PATTERN.source,
      example: '2025',
      description: options.description ?? 'A year ("2025") or a half-year ("2025-H1", "2025-H2")',
    }),
    ...optionality(options.optional),
    IsString(),
    Matches(REPORTING_PERIOD_PATTERN, {
      message: '$property must be a year such as "2025" or a half-year such as "2025-H1"',
      context: { problem: 'invalidPeriod' },
    }),
  );
}

export function TextField(options: FieldOptions & { max: number; min?: number }): PropertyDecorator {
  return applyDecorators(
    doc(options.optional, {
      type: 'string',
      maxLength: options.max,
      minLength: options.min ?? 1,
      description: options.description,
    }),
    ...optionality(options.optional),
    IsString(),
    MinLength(options.min ?? 1),
    MaxLength(options.max),
  );
}

export function UuidField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    doc(options.optional, { type: 'string', format: 'uuid', description: options.description }),
    ...optionality(options.optional),
    IsUUID('all'),
  );
}

export function EnumField(values: readonly string[], enumName: string, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    doc(options.optional, { enum: values, enumName, description: options.description }),
    ...optionality(options.optional),
    IsIn(values as string[]),
  );
}

/**
 * A rule on one value, named as its problem code's entry in common/validation.ts expects
 * (CONSTRAINT_PROBLEMS): the message may use $property.
 */
export function ValueRule(
  name: string,
  message: string,
  validate: (value: unknown) => boolean,
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...validationOptions },
      validator: { validate },
    });
  };
}

export const IsCalendarDate = (validationOptions?: ValidationOptions): PropertyDecorator =>
  ValueRule(
    'isCalendarDate',
    '$property must be a date in the form YYYY-MM-DD',
    (value) => typeof value === 'string' && isIsoDate(value),
    validationOptions,
  );

export const IsBusinessId = (validationOptions?: ValidationOptions): PropertyDecorator =>
  ValueRule(
    'isBusinessId',
    '$property must be a Finnish business ID (Y-tunnus) such as 0123456-7 with a valid check digit',
    (value) => typeof value === 'string' && isValidBusinessId(value),
    validationOptions,
  );
/**
 * The end of a date range given as two fields (a list's `paidFrom`/`paidTo`, a report's
 * `from`/`to`): on or after the start (field problem `dateOrder`). When either is missing or not
 * a calendar date, the range is not checked (each field reports its own problem).
 */
export function IsNotBefore(startField: string, validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [startField],
      options: {
        message: `$property must be on or after ${startField}`,
        ...validationOptions,
        context: { problem: 'dateOrder' },
      },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const start = (args.object as Record<string, unknown>)[startField];
          if (typeof value !== 'string' || typeof start !== 'string' || !isIsoDate(value) || !isIsoDate(start)) {
            return true;
          }
          return start <= value;
        },
      },
    });
  };
}
