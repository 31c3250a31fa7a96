import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { queryBoolean, sortValues } from './pagination';
import { IsCalendarDate } from './validators';

/**
 * The optional query parameters of the lists (filters, free text, sort), each kind's rule and
 * OpenAPI description written once. A parameter left out filters nothing. Where a kind has two
 * rules they are given in the order class-validator reports them.
 */

/** Free text (`q`), at most 200 characters. */
export const SearchText = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ description }), IsOptional(), MaxLength(200), IsString());

/** `sort`: one of the keys, or "-key" for descending. */
export const SortBy = (keys: readonly string[], byDefault: string, description?: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ enum: sortValues(keys), default: byDefault, description }),
    IsOptional(),
    IsIn(sortValues(keys)),
  );

/** The id of a related record. */
export const IdFilter = (description?: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ format: 'uuid', description }), IsOptional(), IsUUID('all'));

/** One value of a vocabulary (named `enumName` in the OpenAPI document). */
export const EnumFilter = (values: readonly string[], enumName: string, description?: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ enum: values, enumName, description }), IsOptional(), IsIn(values));

/** A calendar date, YYYY-MM-DD. */
export const DateFilter = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'string', format: 'date', description }),
    IsOptional(),
    IsCalendarDate(),
    IsString(),
  );

/** `true` or `false`, as a query string carries them. */
export const BooleanFilter = (description: string, options: { default?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'boolean', description, ...options }),
    IsOptional(),
    Transform(queryBoolean),
    IsBoolean({ message: '$property must be true or false' }),
  );
