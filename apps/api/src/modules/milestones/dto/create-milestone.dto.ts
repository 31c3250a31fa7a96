import { ApiPropertyOptional } from '@nestjs/swagger';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@salkku/shared';
import { IsIn, ValidateIf } from 'class-validator';
import { IsoDateField, TextField, UuidField } from '../../../common/validators';

export class CreateMilestoneDto {
  @UuidField({ description: 'The project the milestone belongs to; it cannot be changed later' })
  projectId: string;

  @TextField({ max: 300 })
  title: string;

  @TextField({ max: 5000, optional: true })
  description?: string | null;

  @IsoDateField()
  dueDate: string;

  @ApiPropertyOptional({
    enum: MILESTONE_STATUSES,
    enumName: 'MilestoneStatus',
    default: 'planned',
    description: 'Changes follow the allowed transitions (see allowedTransitions)',
  })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @IsoDateField({
    optional: true,
    description:
      'Only with status done, and not in the future. Defaults to today when the milestone becomes done; ' +
      'cleared automatically when it leaves done',
  })
  completedOn?: string | null;
}
