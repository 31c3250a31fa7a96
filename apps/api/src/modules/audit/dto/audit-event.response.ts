import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction, type AuditChanges } from '../audit-event.entity';

/** One row of the audit list select (see AuditService). */
export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  projectId: string | null;
  changes: AuditChanges;
}

/** Who changed what and when; read-only. */
export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'null: the system itself' })
  actorId: string | null;

  @ApiProperty({ example: 'Maija Meikäläinen' })
  actorName: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action: AuditAction;

  @ApiProperty({ example: 'project' })
  entityType: string;

  @ApiProperty({ format: 'uuid' })
  entityId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  projectId: string | null;

  @ApiProperty({
    type: 'object',
    description: 'Changed fields: field → { old, new } (null where there was no value); money and dates exact',
    additionalProperties: { type: 'object', properties: { old: {}, new: {} } },
    example: { name: { old: 'Savonia', new: 'Savonia-ammattikorkeakoulu' } },
  })
  changes: AuditChanges;

  static from(row: AuditEventRow): AuditEventResponse {
    return {
      id: row.id,
      occurredAt: new Date(row.occurredAt).toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      projectId: row.projectId,
      changes: row.changes,
    };
  }
}
