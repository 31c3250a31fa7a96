import { ApiProperty } from '@nestjs/swagger';
import {
  isOverdue,
  MILESTONE_STATUSES,
  MILESTONE_TRANSITIONS,
  nextStatuses,
  type MilestoneStatus,
} from '@salkku/shared';
import { ProjectRef, recordFields, RecordResponse } from '../../../common/responses';

/** One milestone row as the service selects it (explicit columns, project joined). */
export interface MilestoneRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  title: string;
  description: string | null;
  dueDate: string;
  status: MilestoneStatus;
  completedOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class MilestoneResponse extends RecordResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ type: ProjectRef })
  project: ProjectRef;

  @ApiProperty({ example: 'Ohjausryhmä hyväksyy toimintasuunnitelman' })
  title: string;

  @ApiProperty({ type: 'string', nullable: true })
  description: string | null;

  @ApiProperty({ type: 'string', format: 'date', example: '2021-12-31' })
  dueDate: string;

  @ApiProperty({ enum: MILESTONE_STATUSES, enumName: 'MilestoneStatus' })
  status: MilestoneStatus;

  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Set exactly when status is done' })
  completedOn: string | null;

  @ApiProperty({ description: 'Derived, never stored: due before today and neither done nor cancelled' })
  overdue: boolean;

  @ApiProperty({
    enum: MILESTONE_STATUSES,
    enumName: 'MilestoneStatus',
    isArray: true,
    description: 'The statuses this milestone may move to next',
  })
  allowedTransitions: MilestoneStatus[];

  /** `today` is the calendar date in Salkku's time zone that decides "overdue". */
  static from(row: MilestoneRow, today: string): MilestoneResponse {
    return {
      ...recordFields(row),
      projectId: row.projectId,
      project: { id: row.projectId, code: row.projectCode, name: row.projectName },
      title: row.title,
      description: row.description,
      dueDate: row.dueDate,
      status: row.status,
      completedOn: row.completedOn,
      overdue: isOverdue(row, today),
      allowedTransitions: [...nextStatuses(MILESTONE_TRANSITIONS, row.status)],
    };
  }
}
