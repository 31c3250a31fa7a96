import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@salkku/shared';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { EnumField, IsBusinessId, TextField } from '../../../common/validators';

export class CreateOrganisationDto {
  @TextField({ max: 200 })
  name: string;

  @EnumField(ORGANISATION_KINDS, 'OrganisationKind')
  kind: OrganisationKind;

  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    example: '0123456-7',
    description: 'Finnish business ID (Y-tunnus)',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsBusinessId()
  businessId?: string | null;

  @ApiPropertyOptional({ example: 'FI', default: 'FI', description: 'ISO 3166-1 alpha-2 country code' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166-1 code such as FI' })
  country?: string;
}
