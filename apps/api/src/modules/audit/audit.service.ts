import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, issue } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditEvent } from './audit-event.entity';
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
    if (query.from && query.to && query.from > query.to) {
      throw new DomainError('VALIDATION_FAILED', 'from must not be after to', {
        to: [issue('dateOrder', `to (${query.to}) must be on or after from (${query.from})`)],
      });
    }
    const qb = this.filtered(this.dataSource.getRepository(AuditEvent).createQueryBuilder('e'), query)
      .select('e.id', 'id')
      .addSelect('e.occurred_at', 'occurredAt')
      .addSelect('e.actor_id', 'actorId')
      .addSelect('e.actor_name', 'actorName')
      .addSelect('e.action', 'action')
      .addSelect('e.entity_type', 'entityType')
      .addSelect('e.entity_id', 'entityId')
      .addSelect('e.project_id', 'projectId')
      .addSelect('e.changes', 'changes')
      .addSelect('count(*) OVER()', 'total')
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    const rows = await qb.getRawMany<AuditEventRow & { total: string }>();
    // A page past the end has no rows to carry the window count: count separately (2nd statement).
    const total =
      rows.length > 0
        ? Number(rows[0]!.total)
        : query.page > 1
          ? await this.filtered(this.dataSource.getRepository(AuditEvent).createQueryBuilder('e'), query).getCount()
          : 0;
    return {
      items: rows.map((row) => AuditEventResponse.from(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The filters; from/to are whole days in the configured time zone (SALKKU_TIME_ZONE). */
  private filtered(qb: SelectQueryBuilder<AuditEvent>, query: ListAuditEventsQuery): SelectQueryBuilder<AuditEvent> {
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.projectId) qb.andWhere('e.project_id = :projectId', { projectId: query.projectId });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from || query.to) qb.setParameter('timeZone', this.config.timeZone);
    if (query.from) {
      qb.andWhere('e.occurred_at >= (CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :timeZone)', {
        from: query.from,
      });
    }
    if (query.to) {
      qb.andWhere('e.occurred_at < (CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :timeZone)', {
        to: query.to,
      });
    }
    return qb;
  }
}
