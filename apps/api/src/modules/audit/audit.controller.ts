import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { Paginated, type Page } from '../../common/pagination';
import { RequirePermission } from '../../common/permissions';
import { AuditService } from './audit.service';
import { AuditEventResponse } from './dto/audit-event.response';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

/**
 * The audit trail, read-only: there is deliberately no route that creates, changes or deletes
 * an audit event (they are written only inside the transaction of each change).
 */
@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Every audit event, newest first, with filters (admins). */
  @Get()
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: Paginated(AuditEventResponse) })
  @ApiErrors(400, 401, 403)
  list(@Query() query: ListAuditEventsQuery, @CurrentActor() actor: Actor): Promise<Page<AuditEventResponse>> {
    return this.audit.list(query, actor);
  }
}
