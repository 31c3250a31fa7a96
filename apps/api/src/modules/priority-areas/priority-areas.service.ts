import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, issue, notFound } from '../../common/domain-error';
import { applySort, likePattern, sortOrder, type Page } from '../../common/pagination';
import { scopeWhere } from '../../common/scope';
import { applyPatch } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { Agreement } from '../agreements/agreement.entity';
import { AuditTrail } from '../audit/audit';
import { Project } from '../projects/project.entity';
import type { CreatePriorityAreaDto } from './dto/create-priority-area.dto';
import type { ListPriorityAreasQuery } from './dto/list-priority-areas.query';
import { PriorityAreaResponse } from './dto/priority-area.response';
import type { UpdatePriorityAreaDto } from './dto/update-priority-area.dto';
import { PriorityArea } from './priority-area.entity';

const priorityAreaAudit = new AuditTrail('priority_area');

const SORT_COLUMNS = { nameFi: 'pa.name_fi', createdAt: 'pa.created_at' };

type AreaColumns = 'agreementId' | 'nameFi' | 'nameSv' | 'nameEn' | 'description' | 'subThemes';

/** The audited columns of a priority area (a copy: later changes to the row don't touch it). */
function snapshot(row: PriorityArea): Pick<PriorityArea, AreaColumns> {
  return {
    agreementId: row.agreementId,
    nameFi: row.nameFi,
    nameSv: row.nameSv,
    nameEn: row.nameEn,
    description: row.description,
    subThemes: [...(row.subThemes ?? [])],
  };
}

/**
 * Limits a query on priority areas (alias `pa`) to the actor's city scope, through the area's
 * agreement. A correlated EXISTS rather than a join, so TypeORM's paging stays one plain
 * LIMIT/OFFSET select (a join would make getManyAndCount add a third, DISTINCT statement).
 */
function inScope(qb: SelectQueryBuilder<PriorityArea>, actor: Actor): SelectQueryBuilder<PriorityArea> {
  if (actor.cityId === null) return qb;
  const [condition, parameters] = scopeWhere(actor, 'sa.city_id');
  return qb.andWhere(`EXISTS (SELECT 1 FROM agreements sa WHERE sa.id = pa.agreement_id AND ${condition})`, parameters);
}

/** A priority area is scoped by its agreement's city: outside the actor's scope it is not found. */
@Injectable()
export class PriorityAreasService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Two statements per page (rows and count), no joins. */
  async list(query: ListPriorityAreasQuery, actor: Actor): Promise<Page<PriorityAreaResponse>> {
    const qb = inScope(this.dataSource.getRepository(PriorityArea).createQueryBuilder('pa'), actor);
    if (query.agreementId) qb.andWhere('pa.agreement_id = :agreementId', { agreementId: query.agreementId });
    if (query.q) {
      qb.andWhere('(pa.name_fi ILIKE :q OR pa.name_sv ILIKE :q OR pa.name_en ILIKE :q)', { q: likePattern(query.q) });
    }
    applySort(qb, sortOrder(query.sort, SORT_COLUMNS, 'nameFi', 'pa.id'))
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return {
      items: rows.map((row) => PriorityAreaResponse.from(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string, actor: Actor): Promise<PriorityAreaResponse> {
    const row = await inScope(
      this.dataSource.getRepository(PriorityArea).createQueryBuilder('pa').where('pa.id = :id', { id }),
      actor,
    ).getOne();
    if (!row) throw notFound('PriorityArea', id);
    return PriorityAreaResponse.from(row);
  }

  async create(dto: CreatePriorityAreaDto, actor: Actor): Promise<PriorityAreaResponse> {
    return this.dataSource.transaction(async (manager) => {
      // The key-share lock keeps the agreement from being deleted before this area is committed.
      // An agreement outside the actor's scope is refused exactly like a missing one.
      const agreement = await manager
        .createQueryBuilder(Agreement, 'a')
        .select('a.city_id', 'cityId')
        .where('a.id = :id', { id: dto.agreementId })
        .andWhere(...scopeWhere(actor, 'a.city_id'))
        .setLock('for_key_share')
        .getRawOne<{ cityId: string }>();
      if (!agreement)
        throw invalid('agreementId', 'notFound', `agreementId ${dto.agreementId} is not an existing agreement`);
      const saved = await manager.save(
        manager.create(PriorityArea, {
          agreementId: dto.agreementId,
          nameFi: dto.nameFi,
          nameSv: dto.nameSv ?? null,
          nameEn: dto.nameEn ?? null,
          description: dto.description ?? null,
          subThemes: dto.subThemes ?? [],
        }),
      );
      await priorityAreaAudit.created(manager, actor, {
        id: saved.id,
        after: snapshot(saved),
        cityId: agreement.cityId,
      });
      return PriorityAreaResponse.from(saved);
    });
  }

  async update(id: string, dto: UpdatePriorityAreaDto, version: number, actor: Actor): Promise<PriorityAreaResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { row, cityId } = await this.lockInScope(manager, id, actor);
      assertVersion('PriorityArea', row.version, version);
      const before = snapshot(row);
      const saved = await manager.save(applyPatch(row, dto));
      await priorityAreaAudit.updated(manager, actor, { id, before, after: snapshot(saved), cityId });
      return PriorityAreaResponse.from(saved);
    });
  }

  /** Refuses (409 IN_USE, nothing deleted) while projects belong to the area. */
  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { row, cityId } = await this.lockInScope(manager, id, actor);
      if (version !== undefined) assertVersion('PriorityArea', row.version, version);
      const projects = await manager.countBy(Project, { priorityAreaId: id });
      if (projects > 0) {
        throw new DomainError('IN_USE', 'The priority area still has projects; move or remove them first', {
          projects: [issue('inUse', `${projects} project(s) belong to this priority area`, { count: projects })],
        });
      }
      await manager.delete(PriorityArea, { id });
      await priorityAreaAudit.deleted(manager, actor, { id, before: snapshot(row), cityId });
    });
  }

  /**
   * Loads the area for update (SELECT … FOR UPDATE) within the actor's scope, or NOT_FOUND, with
   * its agreement's city (for the audit trail). The area's row lock is taken first; the agreement
   * cannot disappear meanwhile (the area refers to it, ON DELETE RESTRICT).
   */
  private async lockInScope(
    manager: EntityManager,
    id: string,
    actor: Actor,
  ): Promise<{ row: PriorityArea; cityId: string }> {
    const row = await inScope(
      manager.createQueryBuilder(PriorityArea, 'pa').setLock('pessimistic_write').where('pa.id = :id', { id }),
      actor,
    ).getOne();
    if (!row) throw notFound('PriorityArea', id);
    const agreement = await manager
      .createQueryBuilder(Agreement, 'a')
      .select('a.city_id', 'cityId')
      .where('a.id = :id', { id: row.agreementId })
      .getRawOne<{ cityId: string }>();
    return { row, cityId: agreement!.cityId };
  }
}
