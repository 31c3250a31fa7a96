import { ApiPropertyOptional } from '@nestjs/swagger';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@salkku/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery, sortValues, queryBoolean } from '../../../common/pagination';
import { IsCalendarDate, IsNotBefore } from '../../../common/validators';

export const MILESTONE_SORT_KEYS = ['dueDate', 'title', 'status', 'createdAt'] as const;

export class ListMilestonesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Milestones of the agreement's projects (through the priority area)",
  })
  @IsOptional()
  @IsUUID('all')
  agreementId?: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, enumName: 'MilestoneStatus' })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ApiPropertyOptional({
    type: 'boolean',
    description: 'true: due before today and neither done nor cancelled; false: the others',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    type: 'string',
    format: 'date',
    description: 'Due on or after this date (e.g. today and dueTo = today + 30 days for "due in the next 30 days")',
  })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  dueFrom?: string;

  @ApiPropertyOptional({ type: 'string', format: 'date', description: 'Due on or before this date' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  @IsNotBefore('dueFrom')
  dueTo?: string;

  @ApiPropertyOptional({ description: 'Free text in the title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: sortValues(MILESTONE_SORT_KEYS), default: 'dueDate' })
  @IsOptional()
  @IsIn(sortValues(MILESTONE_SORT_KEYS))
  sort?: string;
}
