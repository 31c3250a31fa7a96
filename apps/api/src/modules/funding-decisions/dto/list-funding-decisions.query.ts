import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  FUNDING_DECISION_STATUSES,
  FUNDING_INSTRUMENTS,
  type FundingDecisionStatus,
  type FundingInstrument,
} from '@salkku/shared';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery, sortValues } from '../../../common/pagination';

export const FUNDING_DECISION_SORT_KEYS = ['decisionDate', 'amountGranted', 'createdAt'] as const;

export class ListFundingDecisionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  agreementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  funderId?: string;

  @ApiPropertyOptional({ enum: FUNDING_INSTRUMENTS, enumName: 'FundingInstrument' })
  @IsOptional()
  @IsIn(FUNDING_INSTRUMENTS)
  instrument?: FundingInstrument;

  @ApiPropertyOptional({ enum: FUNDING_DECISION_STATUSES, enumName: 'FundingDecisionStatus' })
  @IsOptional()
  @IsIn(FUNDING_DECISION_STATUSES)
  status?: FundingDecisionStatus;

  @ApiPropertyOptional({ description: 'Free text on record number or decision body' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: sortValues(FUNDING_DECISION_SORT_KEYS), default: '-decisionDate' })
  @IsOptional()
  @IsIn(sortValues(FUNDING_DECISION_SORT_KEYS))
  sort?: string;
}
