import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { applySort, likePattern, sortOrder, type Page } from '../../common/pagination';
import { applyPatch, findForUpdate } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';
import type { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationResponse } from './dto/organisation.response';
import type { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { Organisation } from './organisation.entity';

const organisationAudit = new AuditTrail('organisation');

const SORT_COLUMNS = { name: 'o.name', kind: 'o.kind', createdAt: 'o.created_at' };

/** The audited columns of an organisation (a copy: later changes to the row don't touch it). */
function snapshot(row: Organisation): Pick<Organisation, 'name' | 'kind' | 'businessId' | 'country'> {
  return { name: row.name, kind: row.kind, businessId: row.businessId, country: row.country };
}

/**
 * Organisations are a shared registry (leads, partners, funders, cities): every signed-in user
 * reads all of them, so reads take the actor but apply no city scope. Writes are an admin's
 * ('organisations:write', enforced by the route) and each leaves one audit event.
 */
@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListOrganisationsQuery, _actor: Actor): Promise<Page<OrganisationResponse>> {
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

  async get(id: string, _actor: Actor): Promise<OrganisationResponse> {
    const row = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!row) throw notFound('Organisation', id);
    return OrganisationResponse.from(row);
  }

  async create(dto: CreateOrganisationDto, actor: Actor): Promise<OrganisationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(Organisation, {
          name: dto.name,
          kind: dto.kind,
          businessId: dto.businessId ?? null,
          country: dto.country ?? 'FI',
        }),
      );
      await organisationAudit.created(manager, actor, { id: saved.id, after: snapshot(saved) });
      return OrganisationResponse.from(saved);
    });
  }

  async update(id: string, dto: UpdateOrganisationDto, version: number, actor: Actor): Promise<OrganisationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, Organisation, id, 'Organisation');
      assertVersion('Organisation', row.version, version);
      const before = snapshot(row);
      const saved = await manager.save(applyPatch(row, dto));
      await organisationAudit.updated(manager, actor, { id, before, after: snapshot(saved) });
      return OrganisationResponse.from(saved);
    });
  }

  /** A city, lead, partner or funder still referred to is refused by its foreign key (409 IN_USE). */
  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await findForUpdate(manager, Organisation, id, 'Organisation');
      if (version !== undefined) assertVersion('Organisation', row.version, version);
      await manager.delete(Organisation, { id });
      await organisationAudit.deleted(manager, actor, { id, before: snapshot(row) });
    });
  }
}
