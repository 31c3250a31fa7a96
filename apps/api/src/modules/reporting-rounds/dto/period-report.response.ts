import { ApiProperty } from '@nestjs/swagger';
import {
  HEALTH_VALUES,
  LIFECYCLE_STATUSES,
  PERIOD_REPORT_STATUSES,
  PERIOD_REPORT_TRANSITIONS,
  type Health,
  type LifecycleStatus,
  type PeriodReportStatus,
} from '@salkku/shared';
import { ProjectRef, RecordResponse } from '../../../common/responses';
import type { PeriodReportRow } from '../reporting-rounds.queries';

export class PeriodReportRoundRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2025-H1' })
  period: string;

  @ApiProperty({ type: 'string', format: 'date' })
  dueDate: string;

  @ApiProperty()
  open: boolean;

  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty()
  agreementTitle: string;
}

export class ReportStep {
  @ApiProperty({ type: 'string', format: 'date-time' })
  at: string;

  @ApiProperty()
  by: string;

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The user who took the step (null: removed since, or the system)',
  })
  byId: string | null;
}

export class PeriodReportResponse extends RecordResponse {
  @ApiProperty({ type: PeriodReportRoundRef })
  round: PeriodReportRoundRef;

  @ApiProperty({ type: ProjectRef })
  project: ProjectRef;

  @ApiProperty({ enum: PERIOD_REPORT_STATUSES, enumName: 'PeriodReportStatus' })
  status: PeriodReportStatus;

  @ApiProperty({
    enum: PERIOD_REPORT_STATUSES,
    enumName: 'PeriodReportStatus',
    isArray: true,
    description: 'Statuses the report may move to next (by the workflow; the user’s role decides who may)',
  })
  allowedTransitions: PeriodReportStatus[];

  @ApiProperty({ description: 'Owed, draft or returned after the due date of an open round' })
  overdue: boolean;

  @ApiProperty({ enum: HEALTH_VALUES, enumName: 'Health', nullable: true })
  health: Health | null;

  @ApiProperty({ type: 'string', nullable: true })
  healthReasons: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'What was done in the period' })
  achievements: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  risks: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  nextSteps: string | null;

  @ApiProperty({ enum: LIFECYCLE_STATUSES, enumName: 'LifecycleStatus', nullable: true })
  lifecycleStatus: LifecycleStatus | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'The reviewer’s comment when last returned' })
  returnComment: string | null;

  @ApiProperty()
  returnCount: number;

  @ApiProperty({ type: ReportStep, nullable: true })
  submitted: ReportStep | null;

  @ApiProperty({ type: ReportStep, nullable: true })
  returned: ReportStep | null;

  @ApiProperty({ type: ReportStep, nullable: true })
  approved: ReportStep | null;

  static from(row: PeriodReportRow): PeriodReportResponse {
    const step = (at: Date | null, by: string | null, byId: string | null): ReportStep | null =>
      at === null ? null : { at: new Date(at).toISOString(), by: by ?? '', byId };
    return {
      id: row.id,
      round: {
        id: row.roundId,
        period: row.period,
        dueDate: row.dueDate,
        open: row.roundOpen,
        agreementId: row.agreementId,
        agreementTitle: row.agreementTitle,
      },
      project: { id: row.projectId, code: row.projectCode, name: row.projectName },
      status: row.status,
      allowedTransitions: row.roundOpen ? [...PERIOD_REPORT_TRANSITIONS[row.status]] : [],
      overdue: row.overdue,
      health: row.health,
      healthReasons: row.healthReasons,
      achievements: row.achievements,
      risks: row.risks,
      nextSteps: row.nextSteps,
      lifecycleStatus: row.lifecycleStatus,
      returnComment: row.returnComment,
      returnCount: Number(row.returnCount),
      submitted: step(row.submittedAt, row.submittedByName, row.submittedById),
      returned: step(row.returnedAt, row.returnedByName, row.returnedById),
      approved: step(row.approvedAt, row.approvedByName, row.approvedById),
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      version: Number(row.version),
    };
  }
}
