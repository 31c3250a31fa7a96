import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/pagination';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { plainList, readPage } from '../../persistence/sql';
import { AUDIT_EVENT_COLUMNS, AUDIT_ORDER, auditEventsFrom } from './audit.queries';
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
    const { rows, total } = await readPage<AuditEventRow & { total: string }>(
      this.dataSource,
      query,
      plainList(AUDIT_EVENT_COLUMNS, (sql) => auditEventsFrom(sql, query, this.config.timeZone), AUDIT_ORDER, query),
    );
    return {
      items: rows.map((row) => AuditEventResponse.from(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
