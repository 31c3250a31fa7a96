import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { applySort, likePattern, sortOrder, type Page } from '../../common/pagination';
import { applyPatch, findForUpdate } from '../../common/transaction';
import { assertVersion } from '../../common/version';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';
import type { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationResponse } from './dto/organisation.response';
import type { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { Organisation } from './organisation.entity';

const SORT_COLUMNS = { name: 'o.name', kind: 'o.kind', createdAt: 'o.created_at' };

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListOrganisationsQuery): Promise<Page<OrganisationResponse>> {
    const qb = this.dataSource.getRepository(Organisation).createQueryBuilder('o');
    if (query.q) qb.andWhere('(o.name ILIKE :q OR o.business_id ILIKE :q)', { q: likePattern(query.q) });
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    applySort(qb, sortOrder(query.sort, SORT_COLUMNS, 'name', 'o.id'))
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return {
      items: rows.map((row) => OrganisationResponse.from(row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string): Promise<OrganisationResponse> {
    const row = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!row) throw notFound('Organisation', id);
    return OrganisationResponse.from(row);
  }

  async create(dto: CreateOrganisationDto, _actor: Actor): Promise<OrganisationResponse> {
    const repo = this.dataSource.getRepository(Organisation);
    const saved = await repo.save(
      repo.create({ name: dto.name, kind: dto.kind, businessId: dto.businessId ?? null, country: dto.country ?? 'FI' }),
    );
    return OrganisationResponse.from(saved);
  }

  async update(id: string, dto: UpdateOrganisationDto, version: number, _actor: Actor): Promise<OrganisationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, Organisation, id, 'Organisation');
      assertVersion('Organisation', row.version, version);
      return OrganisationResponse.from(await manager.save(applyPatch(row, dto)));
    });
  }

  async remove(id: string, version: number | undefined, _actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, Organisation, id, 'Organisation');
      if (version !== undefined) assertVersion('Organisation', row.version, version);
      await manager.delete(Organisation, { id });
    });
  }
}
