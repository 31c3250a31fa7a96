import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, issue, notFound } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { applyPatch, findForUpdateInScope } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import { Project } from '../projects/project.entity';
import type { CreatePriorityAreaDto } from './dto/create-priority-area.dto';
import type { ListPriorityAreasQuery } from './dto/list-priority-areas.query';
import { PriorityAreaResponse } from './dto/priority-area.response';
import type { UpdatePriorityAreaDto } from './dto/update-priority-area.dto';
import { PriorityArea } from './priority-area.entity';
import { priorityAreaCitySql, priorityAreaList, priorityAreaSql } from './priority-areas.queries';
import { agreementCityForKeyShareSql } from '../agreements/agreements.queries';

const priorityAreaAudit = new AuditTrail('priority_area');

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

/** A priority area is scoped by its agreement's city: outside the actor's scope it is not found. */
@Injectable()
export class PriorityAreasService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListPriorityAreasQuery, actor: Actor): Promise<Page<PriorityAreaResponse>> {
    return readList(this.dataSource, query, priorityAreaList(query, actor), (row: PriorityArea) =>
      PriorityAreaResponse.from(row),
    );
  }

  async get(id: string, actor: Actor): Promise<PriorityAreaResponse> {
    const row = await queryRow<PriorityArea>(this.dataSource, (sql) => priorityAreaSql(sql, id, actor));
    if (!row) throw notFound('PriorityArea', id);
    return PriorityAreaResponse.from(row);
  }

  async create(dto: CreatePriorityAreaDto, actor: Actor): Promise<PriorityAreaResponse> {
    return this.dataSource.transaction(async (manager) => {
      // The key-share lock keeps the agreement from being deleted before this area is committed.
      // An agreement outside the actor's scope is refused exactly like a missing one.
      const agreement = await queryRow<{ cityId: string }>(manager, (sql) =>
        agreementCityForKeyShareSql(sql, dto.agreementId, actor),
      );
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
    return findForUpdateInScope(manager, PriorityArea, id, 'PriorityArea', actor, (sql) =>
      priorityAreaCitySql(sql, id),
    );
  }
}
