import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { readList } from '../../persistence/sql';
import { auditEventList } from './audit.queries';
import { AuditEventResponse, type AuditEventRow } from './dto/audit-event.response';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

/**
 * Reading the audit trail (admins: 'audit:read'). Events are written only by recordAudit (audit.ts)
 * inside the transaction of each change; nothing here or anywhere else updates or deletes them.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newest first; one statement per page (the total as a window count). */
  async list(query: ListAuditEventsQuery, _actor: Actor): Promise<Page<AuditEventResponse>> {
    return readList(this.dataSource, query, auditEventList(query, this.config.timeZone), (row: AuditEventRow) =>
      AuditEventResponse.from(row),
    );
  }
}
