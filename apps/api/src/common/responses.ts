import type { Type } from '@nestjs/common';
import { ApiProperty, OmitType, PickType } from '@nestjs/swagger';

/**
 * Shapes that several response DTOs share, written once. The OpenAPI document names a schema
 * after its class, so each of these appears there exactly once, under this name.
 */

/** What every stored record's response carries (the columns of persistence/base.entity.ts). */
export abstract class RecordResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Send back on update (If-Match or body) to avoid lost updates' })
  version: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: string;
}

/** A stored row's own columns as they leave (from an entity, or a raw row whose times may be strings). */
interface StoredRecord {
  id: string;
  version: number | string;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** The RecordResponse fields of a stored row: its id, version and times (ISO 8601). */
export function recordFields(row: StoredRecord): RecordResponse {
  return {
    id: row.id,
    version: Number(row.version),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/*
 * For the few responses that carry only some of RecordResponse's fields. OmitType and PickType
 * take a class they could construct; RecordResponse is abstract only so that nobody builds one
 * by itself, which these helpers never do (they copy its property metadata).
 */
const recordResponse = RecordResponse as Type<RecordResponse>;

/** RecordResponse without the given fields, as a base class. */
export function RecordResponseWithout<K extends keyof RecordResponse>(...keys: readonly K[]) {
  return OmitType(recordResponse, keys);
}

/** Only the given fields of RecordResponse, as a base class (e.g. for IntersectionType). */
export function RecordResponseOnly<K extends keyof RecordResponse>(...keys: readonly K[]) {
  return PickType(recordResponse, keys);
}

/** An organisation as another record refers to it. */
export class OrganisationRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Kuopion kaupunki' })
  name: string;
}

/** A project as another record refers to it, as much as a list needs to show it. */
export class ProjectRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'VESI-KH' })
  code: string;

  @ApiProperty({ example: 'Kuopion kaupungin ekosysteemisopimuksen vesi-painopisteen käynnistämishanke' })
  name: string;
}
