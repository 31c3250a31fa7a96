import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery, sortValues } from '../../../common/pagination';

export const PRIORITY_AREA_SORT_KEYS = ['nameFi', 'createdAt'] as const;

export class ListPriorityAreasQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the areas of this agreement' })
  @IsOptional()
  @IsUUID('all')
  agreementId?: string;

  @ApiPropertyOptional({ description: 'Free text on the Finnish, Swedish or English name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: sortValues(PRIORITY_AREA_SORT_KEYS), default: 'nameFi' })
  @IsOptional()
  @IsIn(sortValues(PRIORITY_AREA_SORT_KEYS))
  sort?: string;
}
