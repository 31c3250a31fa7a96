import type { Type } from '@nestjs/common';
import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { getMetadataStorage, IsInt, IsOptional, Min, ValidationTypes } from 'class-validator';
import { ValueRule } from './validators';

/**
 * Adds the optional `version` field to an update DTO: the version the client read. It may come
 * instead as an If-Match header; one of the two is required (see common/version.ts).
 */
export function VersionedDto<T extends Type<object>>(base: T) {
  class Versioned extends base {
    @ApiPropertyOptional({ minimum: 1, description: 'The version you read; or send it as If-Match' })
    @IsOptional()
    @IsInt()
    @Min(1)
    version?: number;
  }
  return Versioned;
}

/** Refuses null: a field that may be left out of a PATCH but never cleared. */
export const NotNull = (): PropertyDecorator =>
  ValueRule('isNotNull', '$property cannot be cleared: leave it out to keep its value', (value) => value !== null);

/**
 * An update (PATCH) DTO from a create DTO: every field optional, `omit` left out (a body that
 * sends one is refused as an unknown field), and the optional `version` (VersionedDto). Null
 * clears an optional field; for a required one — one the create DTO requires, or one listed in
 * `required` (e.g. a status that has a default on create) — null is a 400 `required` from the
 * validation pipe, and the service never sees it. The OpenAPI description of each field is the
 * create DTO's, made optional.
 */
export function UpdateDto<T, K extends keyof T = never>(
  create: Type<T>,
  options: { omit?: readonly K[]; required?: readonly Exclude<keyof T, K>[] } = {},
) {
  const fields = options.omit?.length ? OmitType(create, options.omit) : (create as Type<Omit<T, K>>);
  // Optional, but the create DTO's rules still run on null: a field required there stays non-null.
  const changes = PartialType(fields, { skipNullProperties: false });
  const required = new Set<string>(options.required?.map(String));
  // A field optional on create (IsOptional: skip its rules on null or undefined) but required
  // here: PartialType gave `changes` its own copy of that condition; it becomes "skip on
  // undefined", so that null breaks the field's rules. (versioned.dto.spec.ts checks this.)
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(changes, '', true, false)) {
    if (
      rule.target === changes &&
      rule.type === ValidationTypes.CONDITIONAL_VALIDATION &&
      required.has(rule.propertyName)
    ) {
      rule.constraints = [(_object: object, value: unknown) => value !== undefined];
    }
  }
  for (const field of required) NotNull()(changes.prototype as object, field);
  return VersionedDto(changes);
}
