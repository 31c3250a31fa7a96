import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { applyPatch, findForUpdate } from '../../persistence/transaction';
import { assertVersion } from '../../common/version';
import { AuditTrail } from '../audit/audit';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';
import type { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationResponse } from './dto/organisation.response';
import type { UpdateOrganisationDto } from './dto/update-organisation.dto';
import { Organisation } from './organisation.entity';
import { organisationList, organisationSql } from './organisations.queries';

const organisationAudit = new AuditTrail('organisation');

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
    return readList(this.dataSource, query, organisationList(query), (row: Organisation) =>
      OrganisationResponse.from(row),
    );
  }

  async get(id: string, _actor: Actor): Promise<OrganisationResponse> {
    const row = await queryRow<Organisation>(this.dataSource, (sql) => organisationSql(sql, id));
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
