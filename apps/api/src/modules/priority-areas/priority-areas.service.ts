import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, notFound } from '../../common/domain-error';
import { applySort, likePattern, sortOrder, type Page } from '../../common/pagination';
import { applyPatch, findForUpdate } from '../../common/transaction';
import { assertVersion } from '../../common/version';
import { Agreement } from '../agreements/agreement.entity';
import { Project } from '../projects/project.entity';
import type { CreatePriorityAreaDto } from './dto/create-priority-area.dto';
import type { ListPriorityAreasQuery } from './dto/list-priority-areas.query';
import { PriorityAreaResponse } from './dto/priority-area.response';
import type { UpdatePriorityAreaDto } from './dto/update-priority-area.dto';
import { PriorityArea } from './priority-area.entity';

const SORT_COLUMNS = { nameFi: 'pa.name_fi', createdAt: 'pa.created_at' };

@Injectable()
export class PriorityAreasService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Two statements per page (rows and count), no joins. */
  async list(query: ListPriorityAreasQuery): Promise<Page<PriorityAreaResponse>> {
    const qb = this.dataSource.getRepository(PriorityArea).createQueryBuilder('pa');
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

  async get(id: string): Promise<PriorityAreaResponse> {
    const row = await this.dataSource.getRepository(PriorityArea).findOneBy({ id });
    if (!row) throw notFound('PriorityArea', id);
    return PriorityAreaResponse.from(row);
  }

  async create(dto: CreatePriorityAreaDto, _actor: Actor): Promise<PriorityAreaResponse> {
    return this.dataSource.transaction(async (manager) => {
      // The key-share lock keeps the agreement from being deleted before this area is committed.
      const agreement = await manager
        .createQueryBuilder(Agreement, 'a')
        .select('a.id', 'id')
        .where('a.id = :id', { id: dto.agreementId })
        .setLock('for_key_share')
        .getRawOne<{ id: string }>();
      if (!agreement) throw invalid('agreementId', `agreementId ${dto.agreementId} is not an existing agreement`);
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
      return PriorityAreaResponse.from(saved);
    });
  }

  async update(id: string, dto: UpdatePriorityAreaDto, version: number, _actor: Actor): Promise<PriorityAreaResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, PriorityArea, id, 'PriorityArea');
      assertVersion('PriorityArea', row.version, version);
      return PriorityAreaResponse.from(await manager.save(applyPatch(row, dto)));
    });
  }

  /** Refuses (409 IN_USE, nothing deleted) while projects belong to the area. */
  async remove(id: string, version: number | undefined, _actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, PriorityArea, id, 'PriorityArea');
      if (version !== undefined) assertVersion('PriorityArea', row.version, version);
      const projects = await manager.countBy(Project, { priorityAreaId: id });
      if (projects > 0) {
        throw new DomainError('IN_USE', 'The priority area still has projects; move or remove them first', {
          projects: [`${projects} project(s) belong to this priority area`],
        });
      }
      await manager.delete(PriorityArea, { id });
    });
  }
}
