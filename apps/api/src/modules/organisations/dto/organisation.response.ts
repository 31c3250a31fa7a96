import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@salkku/shared';
import { recordFields, RecordResponse } from '../../../common/responses';
import type { Organisation } from '../organisation.entity';

export class OrganisationResponse extends RecordResponse {
  @ApiProperty({ example: 'Pohjois-Savon liitto' })
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  kind: OrganisationKind;

  @ApiProperty({ type: 'string', nullable: true, example: '0123456-7' })
  businessId: string | null;

  @ApiProperty({ example: 'FI' })
  country: string;

  static from(entity: Organisation): OrganisationResponse {
    return {
      ...recordFields(entity),
      name: entity.name,
      kind: entity.kind,
      businessId: entity.businessId,
      country: entity.country,
    };
  }
}
