import { ApiProperty } from '@nestjs/swagger';
import { HEALTH_VALUES, LIFECYCLE_STATUSES, type Health, type LifecycleStatus } from '@salkku/shared';
import { ProjectRef, RecordResponseWithout } from '../../../common/responses';

/** One status report row as the service selects it (explicit columns, project joined). */
export interface StatusReportRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  reportingDate: string;
  health: Health;
  lifecycleStatus: LifecycleStatus;
  summary: string;
  risks: string | null;
  nextSteps: string | null;
  author: string;
  createdAt: Date;
  version: number;
}

/** Reports are append-only (never changed), so they carry no updatedAt. */
export class StatusReportResponse extends RecordResponseWithout('updatedAt') {
  @ApiProperty({ description: 'Always 1: reports are never changed' })
  override version: number;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ type: ProjectRef })
  project: ProjectRef;

  @ApiProperty({ type: 'string', format: 'date', example: '2021-12-31' })
  reportingDate: string;

  @ApiProperty({ enum: HEALTH_VALUES, enumName: 'Health' })
  health: Health;

  @ApiProperty({
    enum: LIFECYCLE_STATUSES,
    enumName: 'LifecycleStatus',
    description: "The project's lifecycle status when the report was written",
  })
  lifecycleStatus: LifecycleStatus;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: 'string', nullable: true })
  risks: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  nextSteps: string | null;

  @ApiProperty({ description: 'Display name of whoever wrote the report', example: 'Salkku' })
  author: string;

  static from(row: StatusReportRow): StatusReportResponse {
    return {
      id: row.id,
      projectId: row.projectId,
      project: { id: row.projectId, code: row.projectCode, name: row.projectName },
      reportingDate: row.reportingDate,
      health: row.health,
      lifecycleStatus: row.lifecycleStatus,
      summary: row.summary,
      risks: row.risks,
      nextSteps: row.nextSteps,
      author: row.author,
      createdAt: new Date(row.createdAt).toISOString(),
      version: Number(row.version),
    };
  }
}
