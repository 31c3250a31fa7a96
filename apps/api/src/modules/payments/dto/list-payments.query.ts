import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQuery, sortValues } from '../../../common/pagination';
import { IsCalendarDate, IsNotBefore } from '../../../common/validators';

export const PAYMENT_SORT_KEYS = ['paidOn', 'amount', 'createdAt'] as const;

export class ListPaymentsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  fundingDecisionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Payments under the project's funding decisions" })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Payments under the agreement's funding decisions" })
  @IsOptional()
  @IsUUID('all')
  agreementId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Paid on or after this day' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  paidFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Paid on or before this day' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  @IsNotBefore('paidFrom')
  paidTo?: string;

  @ApiPropertyOptional({ enum: sortValues(PAYMENT_SORT_KEYS), default: '-paidOn' })
  @IsOptional()
  @IsIn(sortValues(PAYMENT_SORT_KEYS))
  sort?: string;
}
