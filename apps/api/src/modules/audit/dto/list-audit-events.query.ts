import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';
import { EnumFilter, IdFilter } from '../../../common/query-fields';
import { IsNotBefore, IsoDateField } from '../../../common/validators';
import { AUDIT_ACTIONS, type AuditAction } from '../audit-event.entity';

/** Filters of the audit trail; the list is always newest first. */
export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'project', description: "The kind of record: 'project', 'user', 'payment', …" })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @IdFilter()
  entityId?: string;

  @IdFilter('Events of records that belong to this project')
  projectId?: string;

  @IdFilter('Events by this user')
  actorId?: string;

  @EnumFilter(AUDIT_ACTIONS, 'AuditAction')
  action?: AuditAction;

  @IsoDateField({ optional: true, description: 'Events on or after this day (in SALKKU_TIME_ZONE)' })
  from?: string;

  @IsoDateField({ optional: true, description: 'Events on or before this day (in SALKKU_TIME_ZONE)' })
  @IsNotBefore('from')
  to?: string;
}
