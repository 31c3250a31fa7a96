import { ApiExtraModels, ApiProperty, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import { HEALTH_VALUES, LIFECYCLE_STATUSES, type Health, type LifecycleStatus } from '@salkku/shared';
import { AUDIT_ACTIONS, type AuditAction } from '../../audit/audit-event.entity';
import { HISTORY_REFERENCE_KINDS, type HistoryReferenceKind, type HistoryRow } from '../project.queries';

export const HISTORY_ITEM_KINDS = ['audit', 'status_report'] as const;
export type HistoryItemKind = (typeof HISTORY_ITEM_KINDS)[number];

/** A value in an audit change: a column's value as stored (money and dates as exact strings). */
const AUDIT_VALUE: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
  nullable: true,
};

/** One field's change in an audit event. */
export class ProjectHistoryFieldChange {
  @ApiProperty({ ...AUDIT_VALUE, description: 'The value before (null on create, or when it was empty)' })
  old: unknown;

  @ApiProperty({ ...AUDIT_VALUE, description: 'The value after (null on delete, or when it was cleared)' })
  new: unknown;
}

/** A record whose id an audit change holds, with its name as it is now. */
export class ProjectHistoryReference {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: HISTORY_REFERENCE_KINDS, enumName: 'HistoryReferenceKind' })
  kind: HistoryReferenceKind;

  @ApiProperty({
    description:
      'Organisation, agreement or user: its name; project: code and name; priority area: its Finnish name; ' +
      'funding decision: decision body and record number; indicator: code and Finnish name',
  })
  name: string;
}

/**
 * One entry of a project's history: an audit event (kind "audit": who changed which record and
 * how) or a status report (kind "status_report"). The fields of the other kind are null.
 */
@ApiExtraModels(ProjectHistoryFieldChange)
export class ProjectHistoryItemResponse {
  @ApiProperty({ enum: HISTORY_ITEM_KINDS, enumName: 'ProjectHistoryItemKind' })
  kind: HistoryItemKind;

  @ApiProperty({ format: 'uuid', description: 'The audit event’s id, or the status report’s id' })
  id: string;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    description: 'When the change was made; for a status report, when it was written',
  })
  occurredAt: string;

  @ApiProperty({ description: 'Who made the change; for a status report, its author' })
  actorName: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction', nullable: true, description: 'Audit events only' })
  action: AuditAction | null;

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'project',
    description:
      'Audit events only: project, project_partner, funding_decision, payment, milestone, status_report, ' +
      'indicator_target or indicator_actual',
  })
  entityType: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'Audit events only' })
  entityId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ProjectHistoryFieldChange) },
    nullable: true,
    description: 'Audit events only: the changed fields, field → { old, new }',
    example: { totalBudget: { old: '1000.00', new: '1200.50' } },
  })
  changes: Record<string, ProjectHistoryFieldChange> | null;

  @ApiProperty({
    type: [ProjectHistoryReference],
    description:
      'Audit events only: the records whose ids appear among the old and new values, named; an id missing ' +
      'here belongs to a record deleted since',
  })
  references: ProjectHistoryReference[];

  @ApiProperty({
    type: 'string',
    format: 'date',
    nullable: true,
    description:
      'Status reports only, as are health, lifecycleStatus (the project’s lifecycle status when the report was written), summary, risks, nextSteps and author',
  })
  reportingDate: string | null;

  // (A description here would become the shared Health schema's: see reportingDate.)
  @ApiProperty({ enum: HEALTH_VALUES, enumName: 'Health', nullable: true })
  health: Health | null;

  @ApiProperty({
    enum: LIFECYCLE_STATUSES,
    enumName: 'LifecycleStatus',
    nullable: true,
  })
  lifecycleStatus: LifecycleStatus | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Status reports only' })
  summary: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Status reports only' })
  risks: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Status reports only' })
  nextSteps: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'Status reports only: the author (as actorName)' })
  author: string | null;

  static from(row: HistoryRow): ProjectHistoryItemResponse {
    const report = row.kind === 'status_report';
    return {
      kind: row.kind,
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      actorName: row.actor_name,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      changes: row.changes,
      references: row.refs ?? [],
      reportingDate: row.reporting_date,
      health: row.health,
      lifecycleStatus: row.lifecycle_status,
      summary: row.summary,
      risks: row.risks,
      nextSteps: row.next_steps,
      author: report ? row.actor_name : null,
    };
  }
}
