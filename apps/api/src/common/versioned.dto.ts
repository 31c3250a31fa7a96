import type { Type } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

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
