import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@salkku/shared';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, sortValues } from '../../../common/pagination';

export const ORGANISATION_SORT_KEYS = ['name', 'kind', 'createdAt'] as const;

export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Free text on name or business ID' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ enum: sortValues(ORGANISATION_SORT_KEYS), default: 'name' })
  @IsOptional()
  @IsIn(sortValues(ORGANISATION_SORT_KEYS))
  sort?: string;
}
