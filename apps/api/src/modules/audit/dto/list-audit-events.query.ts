import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { IsNotBefore, IsoDateField } from '../../../common/validators';
import { AUDIT_ACTIONS, type AuditAction } from '../audit-event.entity';

/** Filters of the audit trail; the list is always newest first. */
export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'project', description: "The kind of record: 'project', 'user', 'payment', …" })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events of records that belong to this project' })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events by this user' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @IsoDateField({ optional: true, description: 'Events on or after this day (in SALKKU_TIME_ZONE)' })
  from?: string;

  @IsoDateField({ optional: true, description: 'Events on or before this day (in SALKKU_TIME_ZONE)' })
  @IsNotBefore('from')
  to?: string;
}
