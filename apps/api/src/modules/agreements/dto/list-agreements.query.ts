import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery, sortValues } from '../../../common/pagination';

export const AGREEMENT_SORT_KEYS = ['title', 'signedOn', 'createdAt'] as const;

export class ListAgreementsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the agreements of this city' })
  @IsOptional()
  @IsUUID('all')
  cityId?: string;

  @ApiPropertyOptional({ description: 'Free text on the title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: sortValues(AGREEMENT_SORT_KEYS), default: 'title' })
  @IsOptional()
  @IsIn(sortValues(AGREEMENT_SORT_KEYS))
  sort?: string;
}
